using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using Monitro.Samples.Crm.Access;

namespace Monitro.Samples.Crm.Tests;

/// <summary>
/// The Monitro dashboard mounted in the CRM at /monitro: behind the CRM's sign-in (an anonymous request is sent to it,
/// a wrong token gets 401), its pages rendered by Chromium with no console message after the replay, and its volume
/// chart holding the mentions the CRM received as events, watch by watch and day by day.
/// </summary>
public sealed partial class ContactsPageBrowserTests
{
    public static TheoryData<string> DashboardPaths => ["/monitro/", "/monitro/mentions", "/monitro/people", "/monitro/inbox", "/monitro/sources", "/monitro/outbox", "/monitro/watches"];

    [Theory]
    [InlineData("/monitro/")]
    [InlineData("/monitro/mentions")]
    [InlineData("/monitro/dashboard.css")]
    [InlineData("/")]
    [InlineData("/cases")]
    public async Task WithoutSignIn_TheDashboardAndThePages_SendToTheSignIn(string path)
    {
        using var anonymous = Anonymous();

        using var response = await anonymous.GetAsync(new Uri(_crm.Address, path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CrmAccess.LoginPath, response.Headers.Location!.AbsolutePath);
        Assert.Equal("?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query);
    }

    [Fact]
    public async Task SignIn_WithAWrongToken_Is401_AndTheFormSignsInWithTheRightOne()
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _crm.Address };

        using var wrong = await client.GetAsync(CrmAccess.SignInLink(_crm.Address, CrmHost.AccessToken.ToUpperInvariant(), "/monitro/"));
        using var stillAnonymous = await client.GetAsync("/monitro/");
        var form = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/login?ReturnUrl=%2Fmonitro%2F"));
        var fields = form.QuerySelectorAll("form.login input[name]").ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? string.Empty, StringComparer.Ordinal);
        fields[CrmAccess.TokenField] = CrmHost.AccessToken;
        using var signedIn = await client.PostAsync("/login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stillAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/monitro/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_GoesBackOnlyToAPathOfTheCrm()
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(CrmAccess.SignInLink(_crm.Address, CrmHost.AccessToken, "//evil.example/x"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [SkippableTheory]
    [MemberData(nameof(DashboardPaths))]
    public async Task Dashboard_InTheCrm_RendersItsPagesWithNoConsoleMessage(string path)
    {
        var page = await OpenDashboardAsync(path);

        Assert.NotNull(page.QuerySelector("main h1"));
        Assert.Empty(page.QuerySelectorAll("main p.error"));
    }

    [SkippableFact]
    public async Task Dashboard_IsLinkedFromTheCrmsNavigation()
    {
        var contacts = await OpenAsync("/");

        Assert.Equal("Monitro dashboard", contacts.QuerySelector("header nav a[href='/monitro/']")!.TextContent);
    }

    [SkippableFact]
    public async Task Dashboard_VolumeChart_HoldsTheMentionsTheCrmReceived()
    {
        var page = await OpenDashboardAsync("/monitro/");

        // The chart's figures, watch by watch and day by day, are those of the events the CRM received.
        var watches = page.QuerySelectorAll("#volume table.data thead th").Skip(1).Select(th => th.TextContent).ToList();
        var rows = page.QuerySelectorAll("#volume table.data tbody tr").Select(row => row.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        var received = ReceivedMentionsPerWatchAndDay();
        Assert.True(watches.Count > 1, "fewer than two watches charted");
        Assert.Equal(received.Values.Sum(), rows.Sum(row => row.Skip(1).Sum(int.Parse)));
        Assert.All(rows, row => Assert.All(watches.Select((watch, i) => (watch, i)), column =>
            Assert.Equal(received.GetValueOrDefault((column.watch, row[0])), int.Parse(row[column.i + 1], CultureInfo.InvariantCulture))));

        // The chart: one circle per watch and day (series in the table's order), each at its figure's height on one linear axis.
        var markers = page.QuerySelectorAll("svg#volume-chart ellipse").Select(marker => Number(marker, "cy")).ToList();
        var values = watches.SelectMany((_, i) => rows.Select(row => double.Parse(row[i + 1], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(values.Count, markers.Count);
        var (low, high) = (values.IndexOf(values.Min()), values.IndexOf(values.Max()));
        Assert.True(values[high] > values[low]);
        var perMention = (markers[high] - markers[low]) / (values[high] - values[low]);
        Assert.True(perMention < 0, "a larger figure is not drawn higher");
        Assert.All(values.Zip(markers), pair => Assert.InRange(markers[low] + (perMention * (pair.First - values[low])) - pair.Second, -0.5, 0.5));
    }

    private static HttpClient Anonymous() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

    private async Task<IDocument> OpenDashboardAsync(string path)
    {
        var chromium = HeadlessChromium.Require();
        var document = await new HtmlParser().ParseDocumentAsync(await HeadlessChromium.DumpDomAsync(chromium, _crm.SignInLink(path)));
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.EndsWith(" · Monitro", document.Title, StringComparison.Ordinal);
        return document;
    }

    // The mention events the CRM keeps as activities, counted per watch and UTC day (the dashboard's time zone here).
    private Dictionary<(string Watch, string Day), int> ReceivedMentionsPerWatchAndDay()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _crm.Settings.DatabasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT watch, created_at FROM activities";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<(string, string), int>();
        while (reader.Read())
        {
            var day = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            counts[(reader.GetString(0), day)] = counts.GetValueOrDefault((reader.GetString(0), day)) + 1;
        }

        return counts;
    }
}
