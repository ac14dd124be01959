using Monitro.Sources.Shared;

namespace Monitro.Sources.Tests.Common;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>Hello <b>world</b></p>", "Hello world")]
    [InlineData("<p>One</p><p>Two</p>", "One\nTwo")]
    [InlineData("a<br>b<br/>c", "a\nb\nc")]
    [InlineData("Fish &amp; chips &lt;3 &nbsp;caf&eacute;", "Fish & chips <3 café")]
    [InlineData("<script>alert('x')</script>Safe<style>p{}</style>", "Safe")]
    [InlineData("plain   text\twith  spaces", "plain text with spaces")]
    [InlineData("<p>unclosed <b>bold", "unclosed bold")]
    [InlineData("", "")]
    public void ToText_Html_GivesPlainText(string html, string expected) => Assert.Equal(expected, HtmlText.ToText(html));

    [Fact]
    public void ToText_Links_CollectsAbsoluteHttpLinksOnce()
    {
        var links = new List<string>();

        var text = HtmlText.ToText("""<a href="https://a.example/x">x</a> <a href="/relative">r</a> <a href="javascript:alert(1)">j</a> <a href="https://a.example/x">again</a>""", links);

        Assert.Equal("x r j again", text);
        Assert.Equal(["https://a.example/x"], links);
    }

    [Fact]
    public void ToText_LinksWithABase_ResolvesRelativeLinks()
    {
        var links = new List<string>();

        HtmlText.ToText("""<a href="/relative/uri">r</a> <a href="page.html">p</a> <a href="https://a.example/x">x</a>""", links, new Uri("https://blog.example.com/posts/"));

        Assert.Equal(["https://blog.example.com/relative/uri", "https://blog.example.com/posts/page.html", "https://a.example/x"], links);
    }
}
