using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Delivery;
using Monitro.Tests.Delivery;

namespace Monitro.Tests.Events;

public sealed class CrmEventSinkTests : IAsyncLifetime
{
    private const string Secret = "crm-secret-crm-secret-crm-secret-42";
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(Secret, CrmEventTestData.Now);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private CrmEventSink Sink(HttpClient client, string secret = Secret) =>
        new(new WebhookAlertSink(client, new WebhookAlertSinkOptions { Endpoint = _receiver.Endpoint, Secret = secret }, new FakeTimeProvider(CrmEventTestData.Now)), author => "C-" + author.Handle);

    [Fact]
    public async Task DeliverAsync_Complaint_PostsOneSignedRequestPerEventKeyedByEventId()
    {
        using var client = new HttpClient();
        var alert = CrmEventTestData.Complaint();

        await Sink(client).DeliverAsync(alert);

        var requests = _receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, request => Assert.True(request.Verified));
        Assert.Equal(["person.upserted|" + alert.IdempotencyKey, "mention.created|" + alert.Mention!.Id], requests.Select(r => Uri.UnescapeDataString(r.IdempotencyKey)));
        var created = JsonSerializer.Deserialize(requests[1].Body, CrmEventJsonContext.Default.CrmEventMentionCreatedData)!;
        Assert.Equal("C-jane@example.social", created.Data.Person.ContactId);
    }

    [Fact]
    public async Task DeliverAsync_ReceiverRejects_Throws()
    {
        using var client = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(async () => await Sink(client, "another-secret-another-secret-12345").DeliverAsync(CrmEventTestData.Spike()));
    }
}
