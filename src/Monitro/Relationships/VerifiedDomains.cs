namespace Monitro.Relationships;

/// <summary>The domains an identity has proven it controls: a Bluesky domain handle, or links the platform verified.</summary>
internal static class VerifiedDomains
{
    // Handles under these suffixes belong to the hosting service, not to the person.
    private static readonly string[] HostedSuffixes = [".bsky.social", ".bsky.app", ".bsky.team"];

    /// <summary>Gets the domains, in the order found; empty (and nothing allocated) for the many people who prove none.</summary>
    public static IReadOnlyList<string> Of(Author author)
    {
        List<string>? domains = null;
        if (string.Equals(author.Platform, "bluesky", StringComparison.OrdinalIgnoreCase))
        {
            var handle = author.Handle.TrimStart('@').ToLowerInvariant();
            if (handle.Contains('.', StringComparison.Ordinal) && !HostedSuffixes.Any(suffix => handle.EndsWith(suffix, StringComparison.Ordinal)))
            {
                (domains ??= []).Add(handle);
            }
        }

        if (author.VerifiedLinks is { Count: > 0 } links)
        {
            foreach (var link in links)
            {
                if (link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) && link.Host.Length > 0)
                {
                    var host = link.Host.ToLowerInvariant();
                    (domains ??= []).Add(host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
                }
            }
        }

        return domains ?? (IReadOnlyList<string>)[];
    }
}
