using System.Globalization;
using System.Net;

namespace Monitro.Dashboard.Tests;

/// <summary>Every page over HTTP against the seeded SQLite store: the policy, the security headers, encoded data, the figures, paging and the preview.</summary>
public sealed class DashboardPagesTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    public static TheoryData<string> Paths => [.. DashboardPage.Paths];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Page_WithoutSignIn_Is401(string path)
    {
        using var client = host.Client(user: null);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Page_ForAUserWithoutThePolicy_Is403(string path)
    {
        using var client = host.Client(user: "eve;support");
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Stylesheet_IsServedUnderThePolicy()
    {
        using var client = host.Client();
        using var response = await client.GetAsync(new Uri("/monitro/dashboard.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("svg.chart", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = host.Client(user: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/monitro/dashboard.css", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Page_ForAnAdmin_RendersUnderTheStrictPolicy(string path)
    {
        using var client = host.Client();
        var (document, _) = await DashboardPage.GetAsync(client, path);
        Assert.NotNull(document.QuerySelector("main h1"));
    }

    [Fact]
    public async Task Overview_ChartsHoldTheSeededDays_AndMarkTodaysSpike()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/");

        // One circle per watch and day (empty days at zero), one triangle on the spike.
        var volume = page.QuerySelector("#volume svg#volume-chart")!;
        Assert.Equal(3 * DashboardSeed.Days, volume.QuerySelectorAll("ellipse").Length);
        Assert.Single(volume.QuerySelectorAll("polygon"), p => p.GetAttribute("points")!.Split(' ').Length == 3);
        Assert.Equal(["acme", "globex", "launch"], page.QuerySelectorAll("#volume .legend li").Select(li => li.TextContent));

        var rows = page.QuerySelectorAll("#volume table.data tbody tr");
        Assert.Equal(DashboardSeed.Days, rows.Length);
        int[] Column(int i) => [.. rows.Select(row => int.Parse(row.Children[i].TextContent, CultureInfo.InvariantCulture))];
        Assert.Equal(DashboardSeed.AcmePerDay.Select((count, day) => day == DashboardSeed.Days - 1 ? count + 1 : count), Column(1)); // and Mallory's post today
        Assert.Equal(DashboardSeed.GlobexPerDay, Column(2));
        Assert.Equal(DashboardSeed.LaunchPerDay, Column(3));
        Assert.Equal("2026-11-02", rows[0].Children[0].TextContent);

        Assert.Equal(DashboardSeed.Days, page.QuerySelector("#sentiment svg")!.QuerySelectorAll("ellipse").Length);

        var shares = page.QuerySelectorAll("#share-of-voice table.data tbody tr").Select(row => (row.Children[0].TextContent, row.Children[1].TextContent)).ToList();
        Assert.Equal([("Brand", "53"), ("Competitor", "14")], shares);

        var spike = Assert.Single(page.QuerySelectorAll("#spikes li"));
        Assert.StartsWith("acme on 2026-11-15 00:00: 21 volume", spike.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentions_PagesThroughEveryMention_WithHighlightsSignalsAndMarkupAsText()
    {
        using var client = host.Client();
        var (first, html) = await DashboardPage.GetAsync(client, "/monitro/mentions");

        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var mallory = first.QuerySelectorAll("li.mention").Single(li => li.GetAttribute("data-mention-id") == "acme|mastodon:evil");
        Assert.Equal("acme", mallory.QuerySelector("p.text mark")!.TextContent);
        Assert.Contains(DashboardSeed.Injected, mallory.QuerySelector("p.text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mallory " + DashboardSeed.Injected, mallory.QuerySelector(".author")!.TextContent);
        Assert.Equal(["negative -0.60", "Complaint", "needs an answer"], mallory.QuerySelectorAll(".signal").Select(s => s.TextContent));
        Assert.Empty(first.QuerySelectorAll("main img"));

        var ids = new List<string>();
        var page = first;
        var pages = 1;
        while (true)
        {
            ids.AddRange(page.QuerySelectorAll("li.mention").Select(li => li.GetAttribute("data-mention-id")!));
            if (page.QuerySelector("nav.pager a[rel=next]") is not { } next)
            {
                break;
            }

            page = (await DashboardPage.GetAsync(client, next.GetAttribute("href")!)).Document;
            Assert.NotNull(page.QuerySelector("nav.pager a[rel=first]"));
            pages++;
        }

        var total = DashboardSeed.AcmePerDay.Sum() + DashboardSeed.GlobexPerDay.Sum() + DashboardSeed.LaunchPerDay.Sum() + 1;
        Assert.Equal(total, ids.Distinct().Count());
        Assert.Equal(total, ids.Count);
        Assert.Equal((total + 19) / 20, pages);
    }

    [Fact]
    public async Task Mentions_OfOneWatch_OnlyThatWatch()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/mentions?watch=globex");

        var tags = page.QuerySelectorAll("li.mention .tag").Select(t => t.TextContent).ToList();
        Assert.Equal(DashboardSeed.Days, tags.Count);
        Assert.All(tags, tag => Assert.Equal("globex", tag));
        Assert.Equal("globex", page.QuerySelector("#watch option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task People_StrongestFirst_WithRoleScoresAndWhy()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/people");

        var rows = page.QuerySelectorAll("#people tbody tr");
        Assert.Equal(["78", "55", "31"], rows.Select(r => r.QuerySelector("td.bond")!.TextContent.Split(' ')[0]));
        Assert.Equal(["Advocate", "Customer", "Detractor"], rows.Select(r => r.QuerySelector("td.role")!.TextContent));
        Assert.Equal(["81", "50", "12"], rows.Select(r => r.QuerySelector("td.affect")!.TextContent));
        Assert.Equal("—", rows[2].QuerySelector("td.care")!.TextContent);
        Assert.Equal("angry about refunds " + DashboardSeed.Injected, rows[2].QuerySelector("td.why")!.TextContent);
    }

    [Fact]
    public async Task Inbox_OpenItemsByUrgency_WithAgeAgainstTheTarget()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/inbox");

        var rows = page.QuerySelectorAll("#items tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal("overdue", rows[0].GetAttribute("class"));
        Assert.Equal("12d 2h", rows[0].QuerySelector("td.sla")!.TextContent.Replace("overdue by ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("13d 2h", rows[0].QuerySelector("td.age")!.TextContent);
        Assert.Equal("on-time", rows[1].GetAttribute("class"));
        Assert.Equal("mastodon:evil", rows[1].GetAttribute("data-item-id"));
        Assert.Equal("1h 0m", rows[1].QuerySelector("td.age")!.TextContent);
        Assert.Equal("3h 0m left", rows[1].QuerySelector("td.sla")!.TextContent);
    }

    [Fact]
    public async Task Sources_ShowEachSourcesHealth()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/sources");

        Assert.Equal(["healthy", "failing"], page.QuerySelectorAll("#health td.status").Select(td => td.TextContent));
        Assert.Contains(DashboardSeed.Injected, page.QuerySelector("#health tr[data-source=rss]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_ShowsTheFiguresAndDeadLetters_WithARedriveFormOnlyOnTheDeadAlert()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/outbox");

        Assert.Equal("1", page.QuerySelector("#outbox dd.dead")!.TextContent);
        var alert = page.QuerySelector("#dead-letters tr[data-kind=alert]")!;
        Assert.Equal(DashboardSeed.DeadAlertKey, alert.QuerySelector("td.position")!.TextContent);
        Assert.NotNull(alert.QuerySelector("form[method=post][action='/monitro/outbox/redrive'] input[name=__RequestVerificationToken]"));
        var unreadable = page.QuerySelector("#dead-letters tr[data-kind=source-item]")!;
        Assert.Null(unreadable.QuerySelector("form"));
        Assert.Contains(DashboardSeed.Injected, unreadable.QuerySelector("td.reason code")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watches_PreviewOfADraft_ShowsHitsHighlighted_AndWhyNotForAMiss()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/watches?q=" + Uri.EscapeDataString("globex OR launch"));

        Assert.Equal(["acme", "globex", "launch"], page.QuerySelectorAll("#watches tbody tr td:first-child").Select(td => td.TextContent));
        var hits = page.QuerySelectorAll("#hits li.post");
        Assert.Equal(DashboardSeed.GlobexPerDay.Sum() + DashboardSeed.LaunchPerDay.Sum(), hits.Length);
        Assert.All(hits, hit => Assert.Contains(hit.QuerySelector("mark")!.TextContent, new[] { "globex", "launch" }));
        Assert.Equal("globex OR launch", page.QuerySelector("#q")!.GetAttribute("value"));

        var miss = page.QuerySelectorAll("#misses li.post").First(li => li.GetAttribute("data-post-id") == "mastodon:evil");
        var (why, _) = await DashboardPage.GetAsync(client, miss.QuerySelector("a")!.GetAttribute("href")!);

        Assert.Equal("The draft does not match this post.", why.QuerySelector("#why .verdict")!.TextContent);
        var root = why.QuerySelector("#why ul.why > li")!;
        Assert.Equal("clause failed", root.GetAttribute("class"));
        Assert.Equal("Or", root.GetAttribute("data-kind"));
        Assert.Equal(2, root.QuerySelectorAll(":scope > ul > li.failed").Length);
        Assert.Contains(DashboardSeed.Injected, why.QuerySelector("#why blockquote")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watches_PreviewOfABadDraft_SaysWhereItFails()
    {
        using var client = host.Client();
        var (page, _) = await DashboardPage.GetAsync(client, "/monitro/watches?q=" + Uri.EscapeDataString("acme AND (<b>"));

        Assert.NotNull(page.QuerySelector("p.error"));
        Assert.Null(page.QuerySelector("#hits"));
        Assert.Null(page.QuerySelector("main b"));
    }
}
