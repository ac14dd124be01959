namespace Monitro.Pipeline;

/// <summary>The company's own accounts: whether a post is ours, and whether a post addresses us.</summary>
internal sealed class OwnAccounts
{
    private readonly HashSet<string> _identityKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _handlesByPlatform = new(StringComparer.Ordinal);

    public OwnAccounts(IEnumerable<string> identityKeys)
    {
        foreach (var key in identityKeys)
        {
            var separator = key.IndexOf(':', StringComparison.Ordinal);
            var platform = key[..separator].ToLowerInvariant();
            var handle = key[(separator + 1)..].TrimStart('@').ToLowerInvariant();
            _identityKeys.Add(Author.CreateIdentityKey(platform, handle));
            if (!_handlesByPlatform.TryGetValue(platform, out var handles))
            {
                _handlesByPlatform[platform] = handles = new HashSet<string>(StringComparer.Ordinal);
            }

            handles.Add(handle);

            // Fediverse handles are user@instance; a post on the same instance mentions just "user".
            var at = handle.IndexOf('@', StringComparison.Ordinal);
            if (at > 0)
            {
                handles.Add(handle[..at]);
            }
        }
    }

    public bool IsEmpty => _identityKeys.Count == 0;

    public bool IsOwn(Author author) => _identityKeys.Contains(author.IdentityKey);

    /// <summary>Whether a post mentions one of our accounts on its platform.</summary>
    public bool IsAddressedToUs(Post post)
    {
        if (!_handlesByPlatform.TryGetValue(post.Source, out var handles))
        {
            return false;
        }

        foreach (var mentioned in post.Entities.Mentions)
        {
            if (handles.Contains(mentioned.TrimStart('@').ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }
}
