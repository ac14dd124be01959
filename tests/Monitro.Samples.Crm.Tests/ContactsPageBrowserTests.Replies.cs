using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Samples.Crm.Pages;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Tests;

/// <summary>
/// The contact's chart (its bars and points read back from the SVG Chromium rendered, against the contact's
/// interactions in Monitro's store) and the reply box of a case: a reply sent, one waiting for approval, one too long,
/// a form without its token, and markup in a reply kept as text.
/// </summary>
public sealed partial class ContactsPageBrowserTests
{
    private const string Refund = "I want a refund";

    [SkippableFact]
    public async Task ContactPage_Chart_HoldsEachDaysPostsAndToneOfTheContact()
    {
        HeadlessChromium.Require();
        var contactId = _crm.Database.ReadContacts(new ContactQuery(null, ContactSort.Posts, true, 1)).Contacts[0].Id;
        var expected = await ExpectedDaysAsync(contactId);

        var page = await OpenAsync("/contact?id=" + Uri.EscapeDataString(contactId));

        var svg = page.QuerySelector("#activity-chart svg")!;
        Assert.Empty(svg.QuerySelectorAll("script, style, foreignObject, [style]"));
        var bars = svg.QuerySelectorAll($"rect[fill='{Fill(ContactChart.InboundColor)}']").OrderBy(bar => Number(bar, "x")).ToList();
        var days = expected.Where(day => day.Inbound > 0).ToList();
        Assert.Equal(days.Count, bars.Count);
        var tallest = bars.Max(bar => Number(bar, "height"));
        Assert.All(days.Zip(bars), pair => Assert.Equal((double)pair.First.Inbound / days.Max(day => day.Inbound), Number(pair.Second, "height") / tallest, 2));
        var points = svg.QuerySelectorAll($"ellipse[fill='{Fill(ContactChart.ToneColor)}']").OrderBy(point => Number(point, "cx")).ToList();
        Assert.NotEmpty(points);

        // The points are drawn in a group clipped to the plot area: its clip path is the rectangle the tone axis spans.
        var clip = points[0].Closest("[clip-path]")!.GetAttribute("clip-path")!;
        var area = svg.QuerySelector($"clipPath[id='{clip["url(#".Length..^1]}'] rect")!;
        var (top, height) = (Number(area, "y"), Number(area, "height"));
        var toned = expected.Where(day => day.Tone is not null).ToList();
        Assert.NotEmpty(toned);
        Assert.Equal(toned.Count, points.Count);

        // The right axis runs from -limit (bottom of the plot area) to +limit (top).
        var limit = ContactChart.ToneAxisLimit;
        Assert.All(toned.Zip(points), pair => Assert.Equal(pair.First.Tone!.Value, limit - ((Number(pair.Second, "cy") - top) / height * 2 * limit), 2));
        Assert.Equal(
            days.Select(day => day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            page.QuerySelectorAll("#activity-data tbody tr").Where(row => row.QuerySelector(".inbound")!.TextContent != "0").Select(row => row.QuerySelector("time")!.TextContent));
    }

    [SkippableFact]
    public async Task ReplyBox_SendsAReply_AndTheCaseShowsItsInboxAndOutboxState()
    {
        HeadlessChromium.Require();
        var openCase = _crm.Database.ReadOpenCases().Single(item => item.Text.Contains(Refund, StringComparison.Ordinal));
        var contactPath = PageLayout.ContactUrl(openCase.ContactId);
        using var browser = await BrowserAsync();
        var form = await FormAsync(browser, contactPath, openCase.PostId, ReplyBox.ReplyPath);
        var before = await OpenAsync(contactPath);
        Assert.Equal("New", before.QuerySelector($"#case-{openCase.Id} .inbox-state")!.GetAttribute("data-state"));
        Assert.Empty(before.QuerySelectorAll($"#case-{openCase.Id} #activity-chart rect[fill='{Fill(ContactChart.OutboundColor)}']"));
        form["text"] = "Sorry Mallory, the refund is on its way " + ReplayedCrm.Injected;

        using var sent = await PostAsync(browser, ReplyBox.ReplyPath, form);
        using var again = await PostAsync(browser, ReplyBox.ReplyPath, form);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(contactPath + "#case-" + openCase.Id.ToString(CultureInfo.InvariantCulture), sent.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await OpenAsync(contactPath);
        var box = page.QuerySelector($"#case-{openCase.Id}")!;
        var reply = Assert.Single(box.QuerySelectorAll("li.reply"));
        Assert.Equal("sent", reply.GetAttribute("data-outbox-state"));
        Assert.StartsWith("sent (sample, offline)", reply.QuerySelector(".outbox-state")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(ReplayedCrm.Injected, reply.QuerySelector("p.text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Resolved", box.QuerySelector(".inbox-state")!.GetAttribute("data-state"));
        Assert.Contains("unassigned", box.QuerySelector(".inbox-state .assignee")!.TextContent, StringComparison.Ordinal);

        // Our reply is an outbound interaction now: the chart draws it as a green bar.
        Assert.Single(page.QuerySelectorAll($"#activity-chart rect[fill='{Fill(ContactChart.OutboundColor)}']"));
    }

    [SkippableFact]
    public async Task ReplyBox_OnAnAccountNeedingApproval_WaitsUntilApproved()
    {
        HeadlessChromium.Require();
        var openCase = _crm.Database.ReadOpenCases(int.MaxValue).First(item => item.PostId.StartsWith("bluesky:", StringComparison.Ordinal) || item.PostId.StartsWith("reddit:", StringComparison.Ordinal));
        var contactPath = PageLayout.ContactUrl(openCase.ContactId);
        using var browser = await BrowserAsync();
        var form = await FormAsync(browser, contactPath, openCase.PostId, ReplyBox.ReplyPath);
        form["text"] = string.Empty;
        form["template"] = "sorry";

        using var sent = await PostAsync(browser, ReplyBox.ReplyPath, form);
        var waiting = await OpenAsync(contactPath);
        var pending = Assert.Single(waiting.QuerySelectorAll($"#case-{openCase.Id} li.reply"));
        var approve = await FormAsync(browser, contactPath, pending.GetAttribute("data-reply-id")!, ReplyBox.ApprovePath, field: "replyId");
        using var approved = await PostAsync(browser, ReplyBox.ApprovePath, approve);
        var after = await OpenAsync(contactPath);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("pending-approval", pending.GetAttribute("data-outbox-state"));
        Assert.StartsWith("Hi " + openCase.ContactName + ", sorry about the trouble.", pending.QuerySelector("p.text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("sent", Assert.Single(after.QuerySelectorAll($"#case-{openCase.Id} li.reply")).GetAttribute("data-outbox-state"));
    }

    [SkippableFact]
    public async Task ReplyBox_TooLong_ShowsTheLimitAsAFormError_AndCommitsNothing()
    {
        HeadlessChromium.Require();
        var openCase = _crm.Database.ReadOpenCases(int.MaxValue).First(item => item.PostId.StartsWith("mastodon:", StringComparison.Ordinal) && !item.Text.Contains(Refund, StringComparison.Ordinal));
        using var browser = await BrowserAsync();
        var form = await FormAsync(browser, PageLayout.ContactUrl(openCase.ContactId), openCase.PostId, ReplyBox.ReplyPath);
        form["text"] = new string('a', 501);
        var replies = _crm.Database.Count("case_replies");

        using var refused = await PostAsync(browser, ReplyBox.ReplyPath, form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        var box = page.QuerySelector($"#case-{openCase.Id}")!;
        Assert.Equal("The reply has 501 characters; mastodon accepts at most 500.", box.QuerySelector(".form-error")!.TextContent);
        Assert.Equal(form["text"], box.QuerySelector("textarea")!.TextContent);
        Assert.Empty(box.QuerySelectorAll("li.reply"));
        Assert.Equal(replies, _crm.Database.Count("case_replies"));
    }

    [SkippableFact]
    public async Task ReplyBox_PostWithoutTheAntiforgeryToken_Refused()
    {
        HeadlessChromium.Require();
        var openCase = _crm.Database.ReadOpenCases()[0];
        using var browser = await BrowserAsync();
        var form = await FormAsync(browser, PageLayout.ContactUrl(openCase.ContactId), openCase.PostId, ReplyBox.ReplyPath);
        form["text"] = "hello";
        // Signed in, but without the antiforgery cookie of the page the form came from.
        using var stranger = await BrowserAsync();

        using var response = await stranger.PostAsync(new Uri(_crm.Address, ReplyBox.ReplyPath), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // A client of its own cookies, signed in, that does not follow redirects.
    private async Task<HttpClient> BrowserAsync()
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _crm.Address };
        using var signedIn = await browser.GetAsync(_crm.SignInLink("/"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    // The fields of the form (of the given action) that carries the value, as the page served them with its cookie.
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient browser, string path, string value, string action, string field = "postId")
    {
        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(path));
        var form = page.QuerySelectorAll($"form[action='{action}']").Single(item => item.QuerySelector($"input[name='{field}']")?.GetAttribute("value") == value);
        return form.QuerySelectorAll("input[name], textarea[name], select[name]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? string.Empty, StringComparer.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> form) =>
        browser.PostAsync(path, new FormUrlEncodedContent(form));

    // A colour as OxyPlot writes it in the SVG: rgb(r,g,b).
    private static string Fill(string hex)
    {
        var rgb = Convert.FromHexString(hex.AsSpan(1));
        return string.Create(CultureInfo.InvariantCulture, $"rgb({rgb[0]},{rgb[1]},{rgb[2]})");
    }

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    // The contact's posts and their mean tone per UTC day, from Monitro's store, for every identity of the contact.
    private async Task<List<(DateTime Day, int Inbound, double? Tone)>> ExpectedDaysAsync(string contactId)
    {
        var services = _crm.Link.Services!;
        var store = services.GetRequiredService<IPersonInteractionHistory>();
        var interactions = new List<Interaction>();
        foreach (var identityKey in _crm.Database.IdentityKeysOf(contactId))
        {
            interactions.AddRange(await ContactActivity.ReadHistoryAsync(store, identityKey, CancellationToken.None));
        }

        return [.. interactions
            .Where(interaction => interaction.Direction == InteractionDirection.Inbound)
            .GroupBy(interaction => interaction.OccurredAt.UtcDateTime.Date)
            .OrderBy(day => day.Key)
            .Select(day => (day.Key, day.Count(), day.Any(i => i.Sentiment is not null) ? day.Where(i => i.Sentiment is not null).Average(i => i.Sentiment!.Value) : (double?)null))];
    }
}
