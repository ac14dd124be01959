using System.Xml;
using System.Xml.Linq;

namespace Monitro.Sources.Rss;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 entries from feed text with a hardened <see cref="XmlReader"/>: DTDs are
/// refused (no entity expansion, so no billion laughs), nothing external is resolved, and the document size is capped.
/// HTML named entities that feeds use without declaring them are resolved first (<see cref="EntityReferences"/>).
/// Entries read before a syntax error are kept; the error is reported once.
/// </summary>
internal static class FeedParser
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    /// <summary>The namespaces of the fields Monitro reads; an extension's element of the same local name (<c>media:title</c>) is not the field.</summary>
    private static readonly HashSet<string> FeedNamespaces = new(StringComparer.Ordinal)
    {
        string.Empty,
        "http://www.w3.org/2005/Atom",
        "http://purl.org/atom/ns#",
        "http://purl.org/rss/1.0/",
        "http://my.netscape.com/rdf/simple/0.9/",
        "http://backend.userland.com/rss2",
        "http://blogs.law.harvard.edu/tech/rss",
        "http://purl.org/rss/1.0/modules/content/",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
        "http://www.w3.org/1999/xhtml",
    };

    private static readonly XName RdfAbout = XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /// <summary>Where the entry's text comes from, fullest first: content:encoded, Atom content, XHTML body, description, summary.</summary>
    private static readonly string[] BodyElements = ["encoded", "content", "body", "fullitem", "description", "summary"];

    /// <summary>Where the entry's time comes from, first found first: publication, then creation, then modification.</summary>
    private static readonly string[] DateElements = ["pubDate", "published", "issued", "created", "date", "updated", "modified"];

    /// <summary>Reads the entries of <paramref name="text"/>; relative links and ids are resolved against <paramref name="documentUri"/> and <c>xml:base</c>.</summary>
    public static FeedParseResult Parse(string text, long maxCharacters, Uri documentUri)
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
        var prepared = EntityReferences.Repair(FeedPreamble.Tidy(C1Controls.Replace(text.TrimStart())));
        using var stringReader = new StringReader(prepared);
        var names = new NameTable();
        using var reader = XmlReader.Create(stringReader, settings, new XmlParserContext(names, new LenientNamespaces(names), null, XmlSpace.None));
        var lineInfo = (IXmlLineInfo)reader;
        var bases = new Stack<(int Depth, Uri Base)>();
        bases.Push((-1, documentUri));
        try
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                while (bases.Peek().Depth >= reader.Depth)
                {
                    bases.Pop();
                }

                if (reader.LocalName is "item" or "entry")
                {
                    var line = lineInfo.LineNumber;

                    // Read through a subtree reader, so an error after the entry's end (a truncated feed) does not lose the entry.
                    using (var entryReader = reader.ReadSubtree())
                    {
                        entries.Add(ToEntry(XElement.Load(entryReader), bases.Peek().Base, line));
                    }

                    reader.Read();
                    continue;
                }

                if (reader.GetAttribute("xml:base") is { } declared && UriText.Resolve(bases.Peek().Base, declared) is { } resolved)
                {
                    bases.Push((reader.Depth, resolved));
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

    private static FeedEntry ToEntry(XElement element, Uri parentBase, int line)
    {
        var guid = Field(element, "guid");
        var idElement = guid ?? Field(element, "id");
        var id = Text(idElement) ?? ((string?)element.Attribute(RdfAbout))?.Trim();
        if (id is ['/' or '.', ..])
        {
            // A relative reference ("/relative/link"), not an opaque guid: it names a resource below the feed's base.
            id = UriText.Resolve(BaseOf(idElement ?? element, element, parentBase), id)?.AbsoluteUri ?? id;
        }

        var link = AtomLink(element, parentBase) ?? RssLink(element, parentBase) ?? PermaLink(guid);
        // The first body that has text: an empty <content src="…"/> or <media:content/> leaves the word to the summary.
        var (body, html) = BodyElements.Select(name => Field(element, name)).OfType<XElement>()
            .Select(e => (Element: e, Html: FeedText.Html(e))).FirstOrDefault(b => b.Html is not null);
        var date = DateElements.Select(name => LenientDate.Parse(Text(Field(element, name)))).FirstOrDefault(d => d is not null);
        var contentBase = BaseOf(body ?? element, element, parentBase);
        return new FeedEntry(id, FeedText.Html(Field(element, "title")), html, link?.AbsoluteUri, date, AuthorName(element), line, contentBase);
    }

    /// <summary>
    /// Gets the first child that is the field <paramref name="localName"/>: in a feed namespace or the entry's own, else
    /// an extension's (<c>media:title</c>, <c>itunes:summary</c>) when the feed has nothing better.
    /// </summary>
    private static XElement? Field(XElement element, string localName)
    {
        XElement? extension = null;
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName != localName)
            {
                continue;
            }

            if (FeedNamespaces.Contains(child.Name.NamespaceName) || child.Name.Namespace == element.Name.Namespace)
            {
                return child;
            }

            extension ??= child;
        }

        return extension;
    }

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Gets the base URI in force on <paramref name="element"/>: its own and its ancestors' <c>xml:base</c> over the entry's parent base.</summary>
    private static Uri BaseOf(XElement element, XElement entry, Uri parentBase)
    {
        var chain = new Stack<string>();
        for (var e = element; e is not null; e = e == entry ? null : e.Parent)
        {
            if ((string?)e.Attribute(XmlBase) is { } declared)
            {
                chain.Push(declared);
            }
        }

        var result = parentBase;
        foreach (var declared in chain)
        {
            result = UriText.Resolve(result, declared) ?? result;
        }

        return result;
    }

    private static Uri? AtomLink(XElement entry, Uri parentBase)
    {
        var links = entry.Elements().Where(e => e.Name.LocalName == "link" && e.Attribute("href") is not null).ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        return alternate is null ? null : UriText.ResolveWeb(BaseOf(alternate, entry, parentBase), (string?)alternate.Attribute("href"));
    }

    private static Uri? RssLink(XElement entry, Uri parentBase) =>
        Field(entry, "link") is { } link ? UriText.ResolveWeb(BaseOf(link, entry, parentBase), Text(link)) : null;

    /// <summary>An RSS guid that is a web address is the item's address unless it says <c>isPermaLink="false"</c>.</summary>
    private static Uri? PermaLink(XElement? guid) =>
        guid is not null && !string.Equals(((string?)guid.Attribute("isPermaLink"))?.Trim(), "false", StringComparison.OrdinalIgnoreCase)
            ? UriText.AbsoluteWeb(Text(guid))
            : null;

    private static string? AuthorName(XElement element)
    {
        var creator = PersonName(Text(Field(element, "creator")));
        if (creator is not null)
        {
            return creator;
        }

        var author = Field(element, "author");
        if (author is null)
        {
            return null;
        }

        var name = author.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value.Trim();
        if (!string.IsNullOrEmpty(name))
        {
            return name;
        }

        return PersonName(author.HasElements ? null : author.Value.Trim());
    }

    /// <summary>Gets the name in an RSS person: "jane@example.com (Jane Doe)", "Jane Doe (jane@example.com)", "Jane Doe &lt;jane@example.com&gt;" or a bare name.</summary>
    private static string? PersonName(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && text.EndsWith(')'))
        {
            var inside = text[(open + 1)..^1].Trim();
            var outside = text[..open].Trim();
            return inside.Contains('@', StringComparison.Ordinal) && outside.Length > 0 ? outside : inside;
        }

        var angle = text.IndexOf('<', StringComparison.Ordinal);
        return angle > 0 && text.EndsWith('>') ? text[..angle].Trim() : text;
    }
}

/// <summary>The entries read from a feed and, when reading stopped early, why and where.</summary>
internal sealed record FeedParseResult(IReadOnlyList<FeedEntry> Entries, string? Error, int ErrorLine);
