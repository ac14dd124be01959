using System.Net;
using Monitro.Samples.Crm;

namespace Monitro.Samples.Crm.Tests;

public sealed class CrmPagesTests : IAsyncLifetime
{
    private CrmHost _crm = null!;

    public async Task InitializeAsync() => _crm = await CrmHost.StartAsync();

    public async Task DisposeAsync() => await _crm.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/cases")]
    [InlineData("/alerts")]
    [InlineData("/?q=%3Cscript%3E&sort=bond&dir=asc&page=7")]
    public async Task Page_SentWithAStrictPolicy_LinksTheAppsStylesheetAndHasNoScriptOrInlineStyle(string path)
    {
        await _crm.PostAllAsync(SampleAlerts.Complaint());

        using var response = await _crm.Client.GetAsync(new Uri(_crm.Address, path));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CrmApp.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<link rel=\"stylesheet\" href=\"/crm.css\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Stylesheet_IsServedByTheApp()
    {
        using var response = await _crm.Client.GetAsync(new Uri(_crm.Address, "/crm.css"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("table", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/contact")]
    [InlineData("/contact?id=C-nobody")]
    public async Task ContactPage_UnknownContact_Is404(string path)
    {
        using var response = await _crm.Client.GetAsync(new Uri(_crm.Address, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
