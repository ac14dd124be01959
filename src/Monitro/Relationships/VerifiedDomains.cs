namespace Monitro.Relationships;

/// <summary>The domains an identity has proven it controls: a Bluesky domain handle, or links the platform verified.</summary>
internal static class VerifiedDomains
{
    // Handles under these suffixes belong to the hosting service, not to the person.
    private static readonly string[] HostedSuffixes = [".bsky.social", ".bsky.app", ".bsky.team"];

    public static IEnumerable<string> Of(Author author)
    {
        if (string.Equals(author.Platform, "bluesky", StringComparison.OrdinalIgnoreCase))
        {
            var handle = author.Handle.TrimStart('@').ToLowerInvariant();
            if (handle.Contains('.', StringComparison.Ordinal) && !HostedSuffixes.Any(suffix => handle.EndsWith(suffix, StringComparison.Ordinal)))
            {
                yield return handle;
            }
        }

        foreach (var link in author.VerifiedLinks ?? [])
        {
            if (link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) && link.Host.Length > 0)
            {
                var host = link.Host.ToLowerInvariant();
                yield return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
            }
        }
    }
}
