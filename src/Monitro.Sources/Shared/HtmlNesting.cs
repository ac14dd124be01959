using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Monitro.Sources.Shared;

/// <summary>
/// Guards the HTML parser against deep nesting: an HTML tree builder looks through the open elements at every tag, so
/// 100,000 nested tags (a 1 MB feed item or status) cost it minutes. One linear pass tells whether the markup nests
/// deeper than a page ever does; such markup is read by dropping its tags instead.
/// </summary>
internal static class HtmlNesting
{
    /// <summary>The deepest nesting parsed as HTML (browsers stop nesting at 512).</summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    // Elements a start tag of the same name closes (a list of unclosed <p> or <li> does not nest).
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "tr", "td", "th",
    };

    /// <summary>Tells whether the markup opens more than <see cref="MaxDepth"/> elements inside each other.</summary>
    public static bool IsTooDeep(string html)
    {
        var open = new List<string>();
        var i = html.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i + 1 < html.Length)
        {
            var close = html.IndexOf('>', i + 1);
            if (close < 0)
            {
                return false;
            }

            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    return false;
                }
            }
            else if (html[i + 1] == '/')
            {
                var name = Name(html, i + 2, close);
                var at = open.FindLastIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }
            }
            else if (char.IsAsciiLetter(html[i + 1]))
            {
                var name = Name(html, i + 1, close);
                if (open.Count > 0 && SelfClosingSiblings.Contains(name) && string.Equals(open[^1], name, StringComparison.OrdinalIgnoreCase))
                {
                    open.RemoveAt(open.Count - 1);
                }

                if (!VoidElements.Contains(name) && html[close - 1] != '/')
                {
                    open.Add(name);
                    if (open.Count > MaxDepth)
                    {
                        return true;
                    }
                }
            }

            i = html.IndexOf('<', close + 1);
        }

        return false;
    }

    /// <summary>Tells whether elements inside <paramref name="root"/> nest more than <see cref="MaxDepth"/> deep (inline XHTML of a feed), walking them without recursion.</summary>
    public static bool IsTooDeep(XElement root)
    {
        var depth = 0;
        var node = root.FirstNode;
        while (node is not null)
        {
            if (node is XElement { FirstNode: { } child })
            {
                if (++depth > MaxDepth)
                {
                    return true;
                }

                node = child;
                continue;
            }

            while (node.NextNode is null)
            {
                if (node.Parent is not { } parent || parent == root)
                {
                    return false;
                }

                node = parent;
                depth--;
            }

            node = node.NextNode;
        }

        return false;
    }

    /// <summary>Reads markup as text by dropping its tags (each one a space) and decoding its character references.</summary>
    public static string WithoutTags(string html)
    {
        var text = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (inTag)
            {
                inTag = c != '>';
            }
            else if (c == '<')
            {
                inTag = true;
                text.Append(' ');
            }
            else
            {
                text.Append(c);
            }
        }

        return WebUtility.HtmlDecode(text.ToString());
    }

    private static string Name(string html, int start, int end)
    {
        var length = 0;
        while (start + length < end && (char.IsAsciiLetterOrDigit(html[start + length]) || html[start + length] is '-' or ':'))
        {
            length++;
        }

        return html.Substring(start, length);
    }
}
