using System.Net;
using System.Text;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Tests;

public sealed class CrmWebhookTests : IAsyncLifetime
{
    private CrmHost _crm = null!;

    public async Task InitializeAsync() => _crm = await CrmHost.StartAsync();

    public async Task DisposeAsync() => await _crm.DisposeAsync();

    [Fact]
    public async Task Events_ComplaintAndPraise_UpsertContactsAppendActivitiesAndOpenOneCase()
    {
        await _crm.PostAllAsync(SampleAlerts.Complaint());
        await _crm.PostAllAsync(SampleAlerts.Praise());

        Assert.Equal((2, 2, 2, 1), (_crm.Database.Count("contacts"), _crm.Database.Count("profiles"), _crm.Database.Count("activities"), _crm.Database.Count("cases")));
        var page = _crm.Database.ReadContacts(ContactQuery.Default);
        Assert.Equal(2, page.Total);
        var olga = Assert.Single(page.Contacts, c => c.Name == "Olga Berg");
        Assert.Equal(("C-mastodon:olga@example.social", 1, 1), (olga.Id, olga.OpenCases, olga.Posts));
        Assert.Equal(olga, page.Contacts[0]); // open cases first
        var detail = _crm.Database.ReadContact(olga.Id)!;
        var openCase = Assert.Single(detail.Cases);
        Assert.Equal("Complaint from @olga@example.social about Tidewell", openCase.Title);
        Assert.Equal("tidewell lost my whole board, this is broken <b>again</b>", openCase.Text);
        Assert.Equal(openCase.Text, Assert.Single(detail.Timeline).Text);
        Assert.Equal(0, Assert.Single(page.Contacts, c => c.Name == "Ravi Patel").OpenCases);
        Assert.Equal("C-mastodon:olga@example.social", _crm.Database.ContactIdOf("mastodon:olga@example.social"));
    }

    [Fact]
    public async Task Events_ComplaintMatchingTwoWatches_OpensOneCaseAndShowsOneTimelineRowWithBothWatches()
    {
        var complaint = SampleAlerts.Complaint();
        await _crm.PostAllAsync(complaint);
        var product = complaint.Mention! with { Watch = new Watch { Name = "Tidewell Boards", Category = WatchCategory.Product, Query = "board" } };
        await _crm.PostAllAsync(Alert.ForMention(product, DateTimeOffset.UtcNow));

        Assert.Equal((2, 1), (_crm.Database.Count("activities"), _crm.Database.Count("cases")));
        var row = Assert.Single(_crm.Database.ReadContact("C-mastodon:olga@example.social")!.Timeline);
        Assert.Equal(["Tidewell", "Tidewell Boards"], row.Watches);
        Assert.Equal(1, _crm.Database.ReadContacts(ContactQuery.Default).Contacts[0].Posts);
    }

    [Fact]
    public async Task Pages_ShowContactCaseAndTimelineAndEncodeText()
    {
        await _crm.PostAllAsync(SampleAlerts.Complaint());

        var list = await _crm.Client.GetStringAsync(_crm.Address);
        var contact = await _crm.Client.GetStringAsync(new Uri(_crm.Address, "/contact?id=" + Uri.EscapeDataString("C-mastodon:olga@example.social")));
        var cases = await _crm.Client.GetStringAsync(new Uri(_crm.Address, "/cases"));

        Assert.Contains(">Olga Berg</a>", list, StringComparison.Ordinal);
        Assert.Contains("1–1 of 1 contacts · 1 open cases", list, StringComparison.Ordinal);
        foreach (var page in new[] { contact, cases })
        {
            Assert.Contains("Case #1 Complaint from @olga@example.social about Tidewell", page, StringComparison.Ordinal);
            Assert.Contains("this is broken &lt;b&gt;again&lt;/b&gt;", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>again", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_TimestampWithLeadingZero_Is401EvenThoughItsValueIsSigned()
    {
        var crmEvent = CrmEventMapper.Map(SampleAlerts.Complaint())[0];

        using var response = await _crm.PostAsync(crmEvent, timestampText: text => "0" + text);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _crm.Database.Count("contacts"));
    }

    [Theory]
    [InlineData("short-secret", CrmHost.AccessToken, "http://127.0.0.1:0", "at least 32 bytes")]
    [InlineData("", CrmHost.AccessToken, "http://127.0.0.1:0", "MONITRO_WEBHOOK_SECRET")]
    [InlineData(CrmHost.Secret, "short-token", "http://127.0.0.1:0", "CRM_ACCESS_TOKEN")]
    [InlineData(CrmHost.Secret, CrmHost.AccessToken, "http://0.0.0.0:0", "loopback")]
    [InlineData(CrmHost.Secret, CrmHost.AccessToken, "http://192.0.2.10:0", "plain HTTP")]
    public async Task StartAsync_WithoutASecretOrTokenOrOffLoopback_RefusesToStart(string secret, string token, string url, string expected)
    {
        var settings = new CrmSettings { Secret = secret, AccessToken = token, DatabasePath = Path.Combine(Path.GetTempPath(), "never-created.db"), Url = new Uri(url) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CrmApp.StartAsync(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BadSignature_Is401AndChangesNothing()
    {
        var crmEvent = CrmEventMapper.Map(SampleAlerts.Complaint())[0];

        using var response = await _crm.PostAsync(crmEvent, secret: "not-the-secret-not-the-secret-000000");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _crm.Database.Count("contacts"));
        Assert.Equal(0, _crm.Database.Count("processed_keys"));
    }

    [Fact]
    public async Task Post_StaleTimestamp_Is401()
    {
        using var response = await _crm.PostAsync(CrmEventMapper.Map(SampleAlerts.Complaint())[0], signedAt: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoSignatureHeaders_Is401()
    {
        using var response = await _crm.Client.PostAsync(_crm.Hook, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ReplayedEvent_Is200AndIgnored()
    {
        var events = CrmEventMapper.Map(SampleAlerts.Complaint());
        await _crm.PostAllAsync(SampleAlerts.Complaint());

        using var again = await _crm.PostAsync(events[1]);
        using var resigned = await _crm.PostAsync(events[1], signedAt: DateTimeOffset.UtcNow.AddSeconds(30));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (again.StatusCode, resigned.StatusCode));
        Assert.Equal((1, 1), (_crm.Database.Count("activities"), _crm.Database.Count("cases")));
        Assert.Equal(2, _crm.Database.Count("processed_keys"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"specVersion\":\"1.0\",\"type\":\"mention.created\",\"id\":\"x\",\"time\":\"2026-01-01T00:00:00+00:00\",\"subject\":\"s\",\"data\":{\"mentionId\":5}}")]
    [InlineData("{\"specVersion\":\"2.0\",\"type\":\"mention.created\",\"id\":\"x\"}")]
    [InlineData("{\"specVersion\":\"1.0\",\"type\":\"mention.exploded\",\"id\":\"x\"}")]
    public async Task Post_SignedButNotAValidEvent_Is400AndNotRemembered(string json)
    {
        using var response = await _crm.PostAsync(new SerializedCrmEvent("bad", "x", Encoding.UTF8.GetBytes(json)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _crm.Database.Count("processed_keys"));
    }

    [Fact]
    public async Task Post_OversizedBody_Is413()
    {
        var body = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 300_000) + "\"}");

        using var response = await _crm.PostAsync(new SerializedCrmEvent("big", "x", body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_Retraction_RemovesTheActivityAndItsCase()
    {
        var complaint = SampleAlerts.Complaint();
        await _crm.PostAllAsync(complaint);

        await _crm.PostAllAsync(new Alert { IdempotencyKey = "retracted|" + complaint.Mention!.Post.Id, Kind = AlertKinds.MentionRetracted, RaisedAt = DateTimeOffset.UtcNow, Title = "gone", RetractedPostId = complaint.Mention.Post.Id });

        Assert.Equal((0, 0, 1), (_crm.Database.Count("activities"), _crm.Database.Count("cases"), _crm.Database.Count("contacts")));
    }

    [Fact]
    public async Task Post_DigestAlert_IsListedOnThePage()
    {
        await _crm.PostAllAsync(new Alert
        {
            IdempotencyKey = "digest|daily|2026-11-01",
            Kind = AlertKinds.Digest,
            RaisedAt = DateTimeOffset.UtcNow,
            Title = "[daily] Daily digest: 12 mentions on 2 watches",
            Digest = new AlertDigest { WindowStart = DateTimeOffset.UtcNow.AddDays(-1), WindowEnd = DateTimeOffset.UtcNow },
        });

        Assert.Contains("[daily] Daily digest: 12 mentions on 2 watches", await _crm.Client.GetStringAsync(new Uri(_crm.Address, "/alerts")), StringComparison.Ordinal);
    }
}
