namespace Monitro.Pipeline;

/// <summary>The company's own accounts: whether a post is ours, and whether a post addresses us.</summary>
internal sealed class OwnAccounts
{
    private const int MaxKeyOnStack = 256;
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

    /// <summary>Whether an author is one of our accounts.</summary>
    /// <remarks>Asked several times for every post: answered without building the author's identity key, a new string each time.</remarks>
    public bool IsOwn(Author author)
    {
        if (_identityKeys.Count == 0)
        {
            return false;
        }

        var platform = author.Platform;
        var handle = author.Handle.AsSpan().TrimStart('@');
        var length = platform.Length + 1 + handle.Length;
        if (platform.Length == 0 || author.Handle.Length == 0 || length > MaxKeyOnStack)
        {
            return _identityKeys.Contains(author.IdentityKey); // the identity key's own checks and case folding
        }

        // The identity key, folded as Author.CreateIdentityKey folds it (one character for one), on the stack.
        Span<char> key = stackalloc char[length];
        platform.AsSpan().ToLowerInvariant(key);
        key[platform.Length] = ':';
        handle.ToLowerInvariant(key[(platform.Length + 1)..]);
        return _identityKeys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);
    }

    /// <summary>Our handles on a platform (lower case, without <c>@</c>); empty when we have none there.</summary>
    public IReadOnlyCollection<string> HandlesOn(string platform) =>
        _handlesByPlatform.TryGetValue(platform, out var handles) ? handles : [];

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
