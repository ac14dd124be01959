namespace Monitro.Sources.Rss;

/// <summary>Turns the addresses written in feeds, absolute or relative, into absolute URIs.</summary>
internal static class UriText
{
    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/>; <see langword="null"/> when it is empty or not a URI reference.</summary>
    public static Uri? Resolve(Uri baseUri, string? reference)
    {
        var text = reference?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // On Unix "/relative/uri" also parses as an absolute file path; in a feed it is a path below the base.
        if (!text.StartsWith('/') && Uri.TryCreate(text, UriKind.Absolute, out var absolute))
        {
            return absolute;
        }

        return Uri.TryCreate(baseUri, text, out var resolved) ? resolved : null;
    }

    /// <summary>Resolves <paramref name="reference"/> and keeps it only when it is an http(s) address.</summary>
    public static Uri? ResolveWeb(Uri baseUri, string? reference) => IsWeb(Resolve(baseUri, reference));

    /// <summary>Gets <paramref name="text"/> as an absolute http(s) address, or <see langword="null"/>.</summary>
    public static Uri? AbsoluteWeb(string? text) =>
        text is null || text.StartsWith('/') || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) ? null : IsWeb(uri);

    private static Uri? IsWeb(Uri? uri) => uri is not null && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
