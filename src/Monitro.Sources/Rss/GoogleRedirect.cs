using System.Web;

namespace Monitro.Sources.Rss;

/// <summary>Unwraps Google redirect links (<c>https://www.google.com/url?rct=j&amp;url=REAL&amp;…</c>) as used by Google Alerts.</summary>
internal static class GoogleRedirect
{
    public static string Unwrap(string link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) ||
            !(uri.Host.Equals("google.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".google.com", StringComparison.OrdinalIgnoreCase)) ||
            !uri.AbsolutePath.Equals("/url", StringComparison.Ordinal))
        {
            return link;
        }

        var query = HttpUtility.ParseQueryString(uri.Query);
        var target = query["url"] ?? query["q"];
        return Uri.TryCreate(target, UriKind.Absolute, out var real) && (real.Scheme == Uri.UriSchemeHttp || real.Scheme == Uri.UriSchemeHttps)
            ? real.AbsoluteUri
            : link;
    }
}
