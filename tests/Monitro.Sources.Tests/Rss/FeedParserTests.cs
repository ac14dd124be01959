using Monitro.Sources.Rss;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Tests.Rss;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://blog.example.com/feeds/main.xml");

    private static FeedEntry Single(string xml)
    {
        var result = FeedParser.Parse(xml, 1_000_000, FeedUrl);
        Assert.Null(result.Error);
        return Assert.Single(result.Entries);
    }

    private static string Rss(string item) => $"<rss version=\"2.0\"><channel><title>Blog</title><item>{item}</item></channel></rss>";

    private static string Atom(string entry) => $"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title><entry>{entry}</entry></feed>";

    private static string Atom03(string entry) => $"<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>{entry}</entry></feed>";

    [Fact]
    public void Parse_UndeclaredHtmlEntities_AreResolvedWithoutADtd()
    {
        var entry = Single(Rss("<title>Caf&eacute; &hellip; &mdash; &nbsp;&euro;5 &AElig; AT&T &amp; co &bogus;</title><description><![CDATA[&eacute; stays]]></description>"));

        Assert.Equal("Café … — €5 Æ AT&T & co &bogus;", HtmlText.ToText(entry.Title));
        Assert.Equal("&eacute; stays", entry.Html);
    }

    [Fact]
    public void Parse_DoctypeWithAnInternalSubset_IsStillRefused()
    {
        var result = FeedParser.Parse("<!DOCTYPE rss [<!ENTITY x \"boom\">]><rss><channel><item><title>&x;</title></item></channel></rss>", 1_000_000, FeedUrl);

        Assert.Contains("DTD", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void Parse_ExternalOnlyDoctypeAndLateXmlDeclaration_AreRead()
    {
        var entry = Single("<!-- comment --><?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">" +
            Rss("<title>Old feed</title>"));

        Assert.Equal("Old feed", entry.Title);
    }

    [Fact]
    public void Parse_RelativeLinksAndIds_AreResolvedAgainstXmlBaseAndTheFeedUrl()
    {
        var xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://other.example.org/base/">
              <entry><id>/posts/1</id><link href="posts/1.html"/></entry>
              <entry xml:base="/deeper/"><id>tag:x,2026:2</id><link href="two.html"/></entry>
            </feed>
            """;
        var rss = Rss("<link>/relative/uri</link><guid isPermaLink=\"false\">/relative/id</guid>");

        var atom = FeedParser.Parse(xml, 1_000_000, FeedUrl).Entries;
        var item = Single(rss);

        Assert.Equal("https://other.example.org/posts/1", atom[0].Id);
        Assert.Equal("https://other.example.org/base/posts/1.html", atom[0].Link);
        Assert.Equal("https://other.example.org/deeper/two.html", atom[1].Link);
        Assert.Equal(new Uri("https://other.example.org/deeper/"), atom[1].ContentBase);
        Assert.Equal("https://blog.example.com/relative/uri", item.Link);
        Assert.Equal("https://blog.example.com/relative/id", item.Id);
    }

    [Theory]
    [InlineData("<guid>https://blog.example.com/p/1</guid>", "https://blog.example.com/p/1")]
    [InlineData("<guid isPermaLink=\"true\">https://blog.example.com/p/1</guid>", "https://blog.example.com/p/1")]
    [InlineData("<guid isPermaLink=\"false\">https://blog.example.com/p/1</guid>", null)]
    [InlineData("<guid>1234</guid>", null)]
    public void Parse_GuidThatIsAPermaLink_IsTheLink(string guidElement, string? link) => Assert.Equal(link, Single(Rss(guidElement)).Link);

    [Theory]
    [InlineData("<issued>2004-01-02T03:04:05Z</issued><modified>2005-01-01T00:00:00Z</modified>", "2004-01-02T03:04:05Z")]
    [InlineData("<modified>2005-01-01T00:00:00Z</modified>", "2005-01-01T00:00:00Z")]
    [InlineData("<created>2003-12-31T10:14:55Z</created>", "2003-12-31T10:14:55Z")]
    public void Parse_Atom03Dates_AreRead(string dates, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Single(Atom03(dates)).Published);

    [Theory]
    [InlineData("<dcterms:modified>2006-05-04T03:02:01Z</dcterms:modified>", "2006-05-04T03:02:01Z")]
    [InlineData("<dcterms:issued>2006-05-04T03:02:01Z</dcterms:issued><dcterms:modified>2007-01-01T00:00:00Z</dcterms:modified>", "2006-05-04T03:02:01Z")]
    [InlineData("<dcterms:created>2006-05-04T03:02:01Z</dcterms:created>", "2006-05-04T03:02:01Z")]
    public void Parse_DublinCoreTermsDates_AreRead(string dates, string expected)
    {
        var xml = $"<rss version=\"2.0\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><channel><item><title>t</title>{dates}</item></channel></rss>";

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Single(xml).Published);
    }

    [Fact]
    public void Parse_SeveralUpdated_TheFirstWins() =>
        Assert.Equal(
            new DateTimeOffset(2008, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Single(Atom("<title>t</title><updated>2008-01-01T00:00:00Z</updated><source><updated>2009-01-01T00:00:00Z</updated></source><updated>2010-01-01T00:00:00Z</updated>")).Published);

    [Theory]
    [InlineData("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">safe<script>location.href='http:/'+'/example.com/';</script> description</div></content>")]
    [InlineData("<content type=\"xhtml\"><x:div xmlns:x=\"http://www.w3.org/1999/xhtml\">safe<x:script>location.href='http:/'+'/example.com/';</x:script> description</x:div></content>")]
    [InlineData("<content type=\"html\">safe&lt;script&gt;location.href='http:/'+'/example.com/';&lt;/script&gt; description</content>")]
    [InlineData("<content type=\"html\">safe&lt;iframe src=\"https://evil.example\" /&gt;</content>")]
    [InlineData("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">safe<script/> description</div></content>")]
    public void Parse_ScriptInContent_NeverBecomesText(string content)
    {
        var text = HtmlText.ToText(Single(Atom(content)).Html);

        Assert.StartsWith("safe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("location", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<title>History of the &lt;blink&gt; tag</title>", "History of the <blink> tag")]
    [InlineData("<title type=\"text\">AT&amp;T &lt;3</title>", "AT&T <3")]
    [InlineData("<title type=\"html\">History of the &lt;b&gt;bold&lt;/b&gt; tag</title>", "History of the bold tag")]
    [InlineData("<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">History of the &lt;blink&gt; tag</div></title>", "History of the <blink> tag")]
    public void Parse_AtomTextTypes_KeepEscapedMarkupAsText(string title, string expected) =>
        Assert.Equal(expected, HtmlText.ToText(Single(Atom(title)).Title));

    [Theory]
    [InlineData("<content type=\"text/html\" mode=\"base64\">PHA+SGlzdG9yeSBvZiB0aGUgJmx0O2JsaW5rJmd0OyB0YWc8L3A+</content>", "History of the <blink> tag")]
    [InlineData("<content type=\"text/plain\" mode=\"base64\">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</content>", "Example <b>Atom</b>")]
    public void Parse_Base64Content_IsDecoded(string content, string expected) =>
        Assert.Equal(expected, HtmlText.ToText(Single(Atom03(content)).Html));

    [Fact]
    public void Parse_Atom10BinaryMediaType_IsDecodedFromBase64() =>
        Assert.Equal("Example Atom", HtmlText.ToText(Single(Atom("<content type=\"application/octet-stream\">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</content>")).Html));

    [Theory]
    [InlineData("don&#146;t", "don\u2019t")]
    [InlineData("don\u0092t", "don\u2019t")]
    [InlineData("&#X41;&#x42;", "AB")]
    public void Parse_C1ControlsAndUppercaseHexReferences_AreReadAsBrowsersDo(string description, string expected) =>
        Assert.Equal(expected, HtmlText.ToText(Single(Rss($"<description>{description}</description>")).Html));

    [Fact]
    public void Parse_TruncatedFeed_KeepsTheEntryBeforeTheError()
    {
        var result = FeedParser.Parse("<rss><channel><item><title>Kept</title></item></channel></rss", 1_000_000, FeedUrl);

        Assert.NotNull(result.Error);
        Assert.Equal("Kept", Assert.Single(result.Entries).Title);
    }

    [Fact]
    public void Parse_UndeclaredNamespacePrefix_DoesNotLoseTheFeed() =>
        Assert.Equal("Episode 1", Single(Rss("<title>Episode 1</title><itunes:author>Someone</itunes:author>")).Title);

    [Theory]
    [InlineData("<author>Example editor (me@example.com)</author>", "Example editor")]
    [InlineData("<author>me@example.com (Example editor)</author>", "Example editor")]
    [InlineData("<author>Example editor &lt;me@example.com&gt;</author>", "Example editor")]
    [InlineData("<author>Example editor</author>", "Example editor")]
    public void Parse_RssAuthorForms_GiveTheName(string author, string expected) => Assert.Equal(expected, Single(Rss(author)).AuthorName);

    [Fact]
    public void Parse_ExtensionElementsOfTheSameName_DoNotReplaceTheFeedsOwn()
    {
        var xml = "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel>" +
            "<item><media:title>bar</media:title><title>foo</title></item>" +
            "<item><media:title>only</media:title><itunes:summary>summary</itunes:summary></item></channel></rss>";

        var entries = FeedParser.Parse(xml, 1_000_000, FeedUrl).Entries;

        Assert.Equal("foo", entries[0].Title);
        Assert.Equal("only", entries[1].Title);
        Assert.Equal("summary", entries[1].Html);
    }

    [Fact]
    public void Parse_EmptyOutOfLineContent_LeavesTheTextToTheSummary() =>
        Assert.Equal("The summary", Single(Atom("<content src=\"https://blog.example.com/1.html\"/><summary>The summary</summary>")).Html);

    [Fact]
    public void Parse_RdfAboutAndXhtmlBody_AreTheIdAndTheText()
    {
        var xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">" +
            "<item rdf:about=\"http://example.org/1\"><body xmlns=\"http://www.w3.org/1999/xhtml\"><p>Example content</p></body></item></rdf:RDF>";

        var entry = Single(xml);

        Assert.Equal("http://example.org/1", entry.Id);
        Assert.Equal("Example content", HtmlText.ToText(entry.Html));
    }
}
