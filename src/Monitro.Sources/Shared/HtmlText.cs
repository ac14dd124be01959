using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitro.Sources.Shared;

/// <summary>Turns HTML fragments into plain text with AngleSharp (no scripts run, nothing is fetched) and collects their links.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "LI", "UL", "OL", "BLOCKQUOTE", "PRE", "TR", "TABLE", "H1", "H2", "H3", "H4", "H5", "H6", "SECTION", "ARTICLE",
    };

    private static readonly HashSet<string> IgnoredElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "HEAD",

        // Embedded documents and their fallbacks: their content is never shown as text (an unclosed <iframe> takes the rest of the page).
        "IFRAME", "NOEMBED", "NOFRAMES", "OBJECT", "APPLET", "EMBED",
    };

    /// <summary>Converts HTML to text; entities are decoded, block elements and line breaks become new lines.</summary>
    public static string ToText(string? html) => Convert(html, links: null, baseUri: null);

    /// <summary>
    /// Converts HTML to text and adds the http(s) links it contains to <paramref name="links"/>: absolute ones, and
    /// relative ones resolved against <paramref name="baseUri"/> when it is given.
    /// </summary>
    public static string ToText(string? html, ICollection<string> links, Uri? baseUri = null) => Convert(html, links, baseUri);

    private static string Convert(string? html, ICollection<string>? links, Uri? baseUri)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return Normalize(html);
        }

        if (HtmlNesting.IsTooDeep(html))
        {
            return Normalize(HtmlNesting.WithoutTags(html));
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(string.Concat("<!DOCTYPE html><html><body>", html, "</body></html>"));
        var text = new StringBuilder(html.Length);
        if (document.Body is { } body)
        {
            Append(body, text, links, baseUri);
        }

        return Normalize(text.ToString());
    }

    private static void Append(INode node, StringBuilder text, ICollection<string>? links, Uri? baseUri)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when IgnoredElements.Contains(e.TagName):
                    break;
                case IElement e when e.TagName.Equals("BR", StringComparison.OrdinalIgnoreCase):
                    text.Append('\n');
                    break;
                case IElement e:
                    var block = BlockElements.Contains(e.TagName);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    if (links is not null && e.TagName.Equals("A", StringComparison.OrdinalIgnoreCase) &&
                        Href(e.GetAttribute("href"), baseUri) is { } href &&
                        (href.Scheme == Uri.UriSchemeHttp || href.Scheme == Uri.UriSchemeHttps) &&
                        !links.Contains(href.AbsoluteUri))
                    {
                        links.Add(href.AbsoluteUri);
                    }

                    Append(e, text, links, baseUri);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }

    private static Uri? Href(string? value, Uri? baseUri) =>
        string.IsNullOrWhiteSpace(value) ? null
        : baseUri is null ? (Uri.TryCreate(value, UriKind.Absolute, out var absolute) ? absolute : null)
        : Uri.TryCreate(baseUri, value, out var resolved) ? resolved : null;

    /// <summary>Collapses runs of spaces inside lines and drops empty lines.</summary>
    private static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = string.Join(' ', rawLine.Split([' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
            if (line.Length == 0)
            {
                continue;
            }

            if (result.Length > 0)
            {
                result.Append('\n');
            }

            result.Append(line);
        }

        return result.ToString();
    }
}
