using System.Net;

namespace Monitro.Dashboard.Tests;

/// <summary>The one form that changes something: re-driving a dead alert, only with the form's antiforgery token.</summary>
public sealed class OutboxRedriveTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task Redrive_WithoutTheFormToken_IsRefused_WithIt_PutsTheAlertBackInTheOutbox()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/outbox");
        var form = page.QuerySelector("#dead-letters tr[data-kind=alert] form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        var target = new Uri(form.GetAttribute("action")!, UriKind.Relative);

        using (var forged = await client.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = DashboardSeed.DeadAlertKey })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var anonymous = host.Client(user: null))
        using (var refused = await anonymous.PostAsync(target, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(1, (await ((IAlertOutboxStatistics)host.Services.GetService(typeof(IMonitroStore))!).GetOutboxStatisticsAsync()).DeadAlerts);

        using var redriven = await client.PostAsync(target, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, redriven.StatusCode);
        Assert.Equal("/monitro/outbox?redriven=1", redriven.Headers.Location!.OriginalString);

        var statistics = await ((IAlertOutboxStatistics)host.Services.GetService(typeof(IMonitroStore))!).GetOutboxStatisticsAsync();
        Assert.Equal(0, statistics.DeadAlerts);
        Assert.Equal(1, statistics.Waiting);
        var (after, _) = await DashboardPage.GetAsync(client, redriven.Headers.Location.OriginalString);
        Assert.Equal("The alert is back in the outbox.", after.QuerySelector("p.notice")!.TextContent);
        Assert.Null(after.QuerySelector("#dead-letters tr[data-kind=alert]"));
        Assert.Equal("1", after.QuerySelector("#outbox dd.waiting")!.TextContent);
    }
}
