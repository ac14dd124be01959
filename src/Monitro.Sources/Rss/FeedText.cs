using System.Net;
using System.Text;
using System.Xml.Linq;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Rss;

/// <summary>
/// Reads a text element of a feed (title, summary, description, content) as HTML, whatever form it takes: Atom's
/// <c>type="text"</c> is plain text and is escaped, so markup written as text (<c>History of the &amp;lt;blink&amp;gt; tag</c>)
/// stays text; <c>type="html"</c> and RSS text are HTML; inline XHTML (Atom <c>type="xhtml"</c>, or any element with
/// child elements) is kept as markup rather than flattened, so its script elements can be dropped instead of becoming
/// text; Atom 0.3 <c>mode="base64"</c> and Atom 1.0 binary media types are decoded first.
/// </summary>
internal static class FeedText
{
    private static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";

    /// <summary>Gets the element's content as HTML, or <see langword="null"/> when it is empty.</summary>
    public static string? Html(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant();
        var mode = ((string?)element.Attribute("mode"))?.Trim().ToLowerInvariant();
        var isAtom = element.Name.Namespace == Atom10 || element.Name.Namespace == Atom03 ||
            (element.Name.Namespace == XNamespace.None && element.Parent?.Name.LocalName == "entry");
        string? html;
        if (mode == "base64" || (element.Name.Namespace == Atom10 && IsBinary(type)))
        {
            html = Base64(element.Value);
            html = html is not null && IsPlainText(type, isAtom) ? WebUtility.HtmlEncode(html) : html;
        }
        else if (element.HasElements && type is not ("text" or "text/plain") && HtmlNesting.IsTooDeep(element))
        {
            // Copying markup nested this deep would recurse as deep: its text is all that is kept.
            html = WebUtility.HtmlEncode(element.Value);
        }
        else if (element.HasElements && type is not ("text" or "text/plain"))
        {
            html = string.Concat(element.Nodes().Select(n => Unprefixed(n).ToString(SaveOptions.DisableFormatting)));
        }
        else
        {
            html = IsPlainText(type, isAtom) ? WebUtility.HtmlEncode(element.Value) : element.Value;
        }

        html = html?.Trim();
        return string.IsNullOrEmpty(html) ? null : html;
    }

    /// <summary>
    /// Copies inline markup with its namespaces dropped (<c>&lt;xhtml:script&gt;</c> becomes <c>&lt;script&gt;</c>), so the HTML
    /// reader recognises every element, scripts included, by its local name.
    /// </summary>
    private static XNode Unprefixed(XNode node) => node is XElement e
        ? new XElement(
            e.Name.LocalName,
            e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)).DistinctBy(a => a.Name),
            e.Nodes().Any() ? e.Nodes().Select(Unprefixed) : (object)string.Empty) // <script></script>, never <script /> which HTML leaves open
        : node;

    /// <summary>Atom 1.0 carries content of any other media type than text and XML in base64.</summary>
    private static bool IsBinary(string? type) =>
        type is not null && type.Contains('/', StringComparison.Ordinal) &&
        !type.StartsWith("text/", StringComparison.Ordinal) && !type.EndsWith("xml", StringComparison.Ordinal);

    /// <summary>Atom text is plain unless its type says otherwise; RSS text is HTML (feeds escape their markup in it).</summary>
    private static bool IsPlainText(string? type, bool isAtom) => type switch
    {
        null or "" => isAtom,
        "text" or "text/plain" => true,
        _ => false,
    };

    private static string? Base64(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
