using System.Xml;
using System.Xml.Linq;

namespace Monitro.Sources.Rss;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0 and Atom entries from feed text with a hardened <see cref="XmlReader"/>: DTDs are refused
/// (no entity expansion, so no billion laughs), nothing external is resolved, and the document size is capped.
/// Entries read before a syntax error are kept; the error is reported once.
/// </summary>
internal static class FeedParser
{
    public static FeedParseResult Parse(string text, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CheckCharacters = false,
        };

        var entries = new List<FeedEntry>();
        using var stringReader = new StringReader(text.TrimStart());
        using var reader = XmlReader.Create(stringReader, settings);
        var lineInfo = (IXmlLineInfo)reader;
        try
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "item" or "entry")
                {
                    var line = lineInfo.LineNumber;
                    var element = (XElement)XNode.ReadFrom(reader);
                    entries.Add(ToEntry(element, line));
                    continue;
                }

                reader.Read();
            }

            return new FeedParseResult(entries, null, 0);
        }
        catch (XmlException ex)
        {
            var reason = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "the feed declares a DTD, which is refused (it could expand entities or load external resources)"
                : $"malformed XML: {ex.Message}";
            return new FeedParseResult(entries, reason, ex.LineNumber);
        }
    }

    private static FeedEntry ToEntry(XElement element, int line)
    {
        var id = Child(element, "guid") ?? Child(element, "id");
        var link = AtomLink(element) ?? Child(element, "link");
        var html = Child(element, "encoded") ?? Child(element, "content") ?? Child(element, "description") ?? Child(element, "summary");
        var date = Child(element, "pubDate") ?? Child(element, "published") ?? Child(element, "date") ?? Child(element, "updated");
        var author = AuthorName(element);
        return new FeedEntry(id, Child(element, "title"), html, link, LenientDate.Parse(date), author, line);
    }

    private static string? Child(XElement element, string localName)
    {
        var child = element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
        var value = child?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? AtomLink(XElement element)
    {
        var links = element.Elements().Where(e => e.Name.LocalName == "link" && e.Attribute("href") is not null).ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        var href = (string?)alternate?.Attribute("href");
        return string.IsNullOrWhiteSpace(href) ? null : href.Trim();
    }

    private static string? AuthorName(XElement element)
    {
        var creator = Child(element, "creator");
        if (creator is not null)
        {
            return creator;
        }

        var author = element.Elements().FirstOrDefault(e => e.Name.LocalName == "author");
        if (author is null)
        {
            return null;
        }

        var name = author.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value.Trim();
        if (!string.IsNullOrEmpty(name))
        {
            return name;
        }

        // RSS 2.0: "jane@example.com (Jane Doe)".
        var text = author.HasElements ? null : author.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        return open >= 0 && text.EndsWith(')') ? text[(open + 1)..^1].Trim() : text;
    }
}

/// <summary>The entries read from a feed and, when reading stopped early, why and where.</summary>
internal sealed record FeedParseResult(IReadOnlyList<FeedEntry> Entries, string? Error, int ErrorLine);
