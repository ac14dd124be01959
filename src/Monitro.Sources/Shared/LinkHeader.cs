using System.Web;

namespace Monitro.Sources.Shared;

/// <summary>Reads RFC 8288 <c>Link</c> headers such as <c>&lt;https://host/path?min_id=5&gt;; rel="prev"</c>.</summary>
internal static class LinkHeader
{
    /// <summary>Gets a query parameter of the link with the given relation, or <see langword="null"/>.</summary>
    public static string? QueryParameter(string? header, string relation, string parameter)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        foreach (var part in header.Split(','))
        {
            var open = part.IndexOf('<', StringComparison.Ordinal);
            var close = part.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                continue;
            }

            var parameters = part[(close + 1)..];
            if (!parameters.Contains($"rel=\"{relation}\"", StringComparison.OrdinalIgnoreCase) &&
                !parameters.Contains($"rel={relation}", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Uri.TryCreate(part[(open + 1)..close].Trim(), UriKind.Absolute, out var uri))
            {
                return HttpUtility.ParseQueryString(uri.Query)[parameter];
            }
        }

        return null;
    }
}
