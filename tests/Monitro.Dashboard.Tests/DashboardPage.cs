using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitro.Dashboard.Tests;

/// <summary>Reads a dashboard page over HTTP and checks what every page must hold: 200, HTML, the policy header, no script, no inline style.</summary>
internal static class DashboardPage
{
    public static readonly string[] Paths = ["/monitro/", "/monitro/mentions", "/monitro/people", "/monitro/inbox", "/monitro/sources", "/monitro/outbox", "/monitro/watches", "/monitro/watches?q=acme"];

    public static async Task<(IDocument Document, string Html)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));

        // Nothing the policy would block: no script at all, no style attribute or element.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.NotNull(document.QuerySelector("link[rel=stylesheet][href='/monitro/dashboard.css']"));
        Assert.EndsWith(" · Monitro", document.Title, StringComparison.Ordinal);
        return (document, html);
    }
}
