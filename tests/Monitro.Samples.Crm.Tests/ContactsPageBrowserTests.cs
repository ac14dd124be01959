using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Tests;

/// <summary>
/// Opens the CRM's pages in a real headless Chromium (Debian's package) after a replay and reads the DOM it
/// rendered: scores and roles, paging, sorting and search through the page's own links and form, one timeline row
/// per post, merged identities, cases only from people, digests and spikes, and markup in posts kept as text.
/// Without Chromium the tests are skipped, unless MONITRO_REQUIRE_BROWSER=1 (as in CI), when they fail.
/// </summary>
public sealed partial class ContactsPageBrowserTests(ReplayedCrm replayed) : IClassFixture<ReplayedCrm>
{
    private readonly CrmHost _crm = replayed.Crm;

    private async Task<IDocument> OpenAsync(string path)
    {
        var chromium = HeadlessChromium.Require();
        var dom = await HeadlessChromium.DumpDomAsync(chromium, _crm.SignInLink(path));
        var document = await new HtmlParser().ParseDocumentAsync(dom);

        // Nothing from a post ran or became markup: no script element, and the title is the page's own.
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("main img"));
        Assert.EndsWith("· Sample CRM", document.Title, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("link[rel=stylesheet][href='/crm.css']"));
        return document;
    }

    private static double? Number(IElement cell) =>
        double.TryParse(cell.TextContent.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    [SkippableFact]
    public async Task ContactList_ShowsScoresRolesAndWhy_OnPagesOfFifty()
    {
        var page = await OpenAsync("/");

        var total = _crm.Database.Count("contacts");
        Assert.True(total > 300, $"only {total} contacts");
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"1–50 of {total:N0} contacts"), page.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#contacts tbody tr");
        Assert.Equal(ContactQuery.DefaultPageSize, rows.Length);
        Assert.All(rows, row => Assert.NotNull(Number(row.QuerySelector("td.bond")!)));
        Assert.Contains(rows, row => Number(row.QuerySelector("td.affect")!) is not null);
        Assert.Contains(rows, row => Number(row.QuerySelector("td.care")!) is not null);
        Assert.Contains(rows, row => row.QuerySelector("td.role")!.TextContent == "Detractor");
        Assert.All(rows, row => Assert.False(string.IsNullOrWhiteSpace(row.QuerySelector("td.why")!.TextContent)));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"page 1 of {(total + 49) / 50}"), page.QuerySelector("nav.pager .page")!.TextContent);
    }

    [SkippableFact]
    public async Task ContactList_SortedByBondThroughItsHeader_PagesOnWithoutOverlap()
    {
        var first = await OpenAsync("/");
        var byBond = first.QuerySelectorAll("#contacts th a").Single(link => link.TextContent == "Bond").GetAttribute("href")!;

        var sorted = await OpenAsync(byBond);
        var next = await OpenAsync(sorted.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!);

        var bonds = sorted.QuerySelectorAll("#contacts td.bond").Concat(next.QuerySelectorAll("#contacts td.bond")).Select(cell => Number(cell)!.Value).ToList();
        Assert.Equal(100, bonds.Count);
        Assert.Equal(bonds.OrderDescending(), bonds);
        Assert.True(bonds[0] > bonds[^1]);
        var ids = sorted.QuerySelectorAll("#contacts tbody tr").Concat(next.QuerySelectorAll("#contacts tbody tr")).Select(row => row.GetAttribute("data-contact-id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("descending", sorted.QuerySelectorAll("#contacts th").Single(th => th.TextContent.StartsWith("Bond", StringComparison.Ordinal)).GetAttribute("aria-sort"));
    }

    [SkippableFact]
    public async Task Search_FindsTheContact_AndMarkupInNamesAndPostsStaysText()
    {
        var found = await OpenAsync("/?q=mallory");

        var row = Assert.Single(found.QuerySelectorAll("#contacts tbody tr"));
        var link = row.QuerySelector("td.name a")!;
        Assert.Equal("Mallory " + ReplayedCrm.Injected, link.TextContent);
        Assert.Equal("mallory", found.QuerySelector("#q")!.GetAttribute("value"));

        var contact = await OpenAsync(link.GetAttribute("href")!);
        var openCase = Assert.Single(contact.QuerySelectorAll("#cases article.case"));
        Assert.Contains("I want a refund " + ReplayedCrm.Injected, openCase.QuerySelector("blockquote.trigger")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(ReplayedCrm.Injected, Assert.Single(contact.QuerySelectorAll("#timeline li")).QuerySelector("p.text")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ContactPage_OneTimelineRowPerPost_WithItsWatchesAsTags()
    {
        // The contact with the most posts that matched several watches.
        var contactId = _crm.Database.ReadContacts(new ContactQuery(null, ContactSort.Posts, true, 1)).Contacts
            .Select(row => _crm.Database.ReadContact(row.Id)!)
            .First(detail => detail.Timeline.Any(post => post.Watches.Count > 1)).Contact.Id;

        var page = await OpenAsync("/contact?id=" + Uri.EscapeDataString(contactId));

        var posts = page.QuerySelectorAll("#timeline li");
        var postIds = posts.Select(post => post.GetAttribute("data-post-id")).ToList();
        Assert.True(postIds.Count > 1);
        Assert.Equal(postIds.Count, postIds.Distinct().Count());
        Assert.Contains(posts, post => post.QuerySelectorAll(".tag").Length > 1);
        Assert.All(new[] { "bond", "affect", "care", "role" }, score => Assert.NotNull(page.QuerySelector("#scores ." + score + " dd")));
        Assert.NotNull(page.QuerySelector("#explanation"));
    }

    [SkippableFact]
    public async Task ContactPage_IdentitiesMonitroLinked_AreOneContact()
    {
        var found = await OpenAsync("/?q=gabeito.work");

        var contact = await OpenAsync(Assert.Single(found.QuerySelectorAll("#contacts tbody tr")).QuerySelector("td.name a")!.GetAttribute("href")!);

        Assert.Equal(["bluesky @gabeito.work", "mastodon @gabe@social.coop"], contact.QuerySelectorAll("#profiles li").Select(item => item.TextContent));
        Assert.Equal(2, contact.QuerySelectorAll("#timeline li").Length);
    }

    [SkippableFact]
    public async Task CasesPage_ComplaintsFromPeopleOnly_WithWhatTheySaid()
    {
        var page = await OpenAsync("/cases");

        var cases = page.QuerySelectorAll("#cases article.case");
        Assert.Equal(_crm.Database.Count("cases"), cases.Length);
        Assert.Contains(cases, item => item.QuerySelector("blockquote.trigger")!.TextContent.Contains("I want a refund", StringComparison.Ordinal));
        Assert.All(cases, item => Assert.False(string.IsNullOrWhiteSpace(item.QuerySelector("blockquote.trigger")!.TextContent)));
        Assert.DoesNotContain(cases, item => item.TextContent.Contains("Tidewell outage: users say", StringComparison.Ordinal));
        Assert.DoesNotContain(_crm.Database.ReadOpenCases(), openCase => openCase.ContactId.StartsWith("C-rss:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task AlertsPage_ShowsDailyDigestsSpikesAndRelationshipChanges()
    {
        var page = await OpenAsync("/alerts");

        var digests = page.QuerySelectorAll("#digests li").Select(item => item.TextContent).ToList();
        Assert.Equal(6, digests.Count); // 2 to 7 November
        Assert.Contains(digests, digest => digest.Contains("Daily digest:", StringComparison.Ordinal) && digest.Contains("2026-11-02 00:00", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("#spikes li"), item => item.TextContent.Contains("[Tidewell] Spike:", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("#relationships li"), item => item.GetAttribute("data-kind") == AlertKinds.RelationshipNewDetractor);
    }
}
