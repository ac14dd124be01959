using System.Text.RegularExpressions;

namespace Monitro.Sources.Rss;

/// <summary>
/// Tidies what comes before a feed's root element so that a strict XML reader accepts it: an XML declaration that is
/// not at the very start (after a comment, say) is dropped, and so is a DOCTYPE that only names an external DTD
/// (<c>&lt;!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "…"&gt;</c>), which declares nothing
/// and is never fetched. A DOCTYPE with an internal subset (<c>[ … ]</c>) is left for the reader to refuse.
/// </summary>
internal static partial class FeedPreamble
{
    /// <summary>Returns <paramref name="xml"/> without a late XML declaration and without an external-only DOCTYPE.</summary>
    public static string Tidy(string xml)
    {
        var late = xml.IndexOf("<?xml", 1, StringComparison.Ordinal);
        if (late > 0 && LateDeclaration().Match(xml, late) is { Success: true } declaration)
        {
            xml = string.Concat(xml.AsSpan(0, declaration.Index), xml.AsSpan(declaration.Index + declaration.Length));
        }

        var doctype = xml.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (doctype >= 0 && ExternalDoctype().Match(xml, doctype) is { Success: true } external)
        {
            xml = string.Concat(xml.AsSpan(0, external.Index), xml.AsSpan(external.Index + external.Length));
        }

        return xml;
    }

    [GeneratedRegex(@"\G<\?xml\s[^>]*\?>", RegexOptions.CultureInvariant)]
    private static partial Regex LateDeclaration();

    [GeneratedRegex(@"\G<!DOCTYPE\s+[^\[>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ExternalDoctype();
}
