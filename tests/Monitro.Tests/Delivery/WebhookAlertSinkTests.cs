using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Delivery;

namespace Monitro.Tests.Delivery;

public sealed class WebhookAlertSinkTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t!";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _senderClock = new(Now);
    private readonly HttpClient _httpClient = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(Secret, Now);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    public void Dispose() => _httpClient.Dispose();

    [Fact]
    public async Task DeliverAsync_ReceiverVerifiesTheSignature_AcceptsTheDocumentedPayload()
    {
        var alert = CreateAlert();

        await CreateSink().DeliverAsync(alert);

        var request = Assert.Single(_receiver.Requests);
        Assert.True(request.Verified);
        Assert.Equal("acme-brand|mastodon:42", request.IdempotencyKey);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("acme-brand|mastodon:42", root.GetProperty("id").GetString());
        Assert.Equal("mention", root.GetProperty("kind").GetString());
        Assert.Equal(Now, root.GetProperty("raisedAt").GetDateTimeOffset());
        var mention = root.GetProperty("mention");
        Assert.Equal("acme-brand", mention.GetProperty("watch").GetProperty("name").GetString());
        Assert.Equal("brand", mention.GetProperty("watch").GetProperty("category").GetString());
        Assert.Equal("Is acme down? cannot log in", mention.GetProperty("post").GetProperty("text").GetString());
        Assert.Equal("mastodon:jane@example.social", mention.GetProperty("post").GetProperty("author").GetProperty("personId").GetString());
        Assert.Equal(3, mention.GetProperty("spans")[0].GetProperty("start").GetInt32());
        Assert.Equal("negative", mention.GetProperty("sentiment").GetProperty("label").GetString());
        Assert.Equal("churnRisk", mention.GetProperty("intents")[1].GetProperty("label").GetString());
        Assert.True(mention.GetProperty("needsResponse").GetBoolean());
        Assert.False(mention.GetProperty("post").TryGetProperty("threadId", out _)); // null members are left out
    }

    [Fact]
    public async Task DeliverAsync_WrongSecret_IsRejectedAndThrowsWithTheStatus()
    {
        var sink = CreateSink(secret: "not-the-receivers-secret-not-the-receivers");

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => sink.DeliverAsync(CreateAlert()).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Empty(_receiver.Accepted);
        Assert.False(Assert.Single(_receiver.Requests).Verified);
    }

    [Fact]
    public async Task DeliverAsync_StaleTimestamp_IsRejected()
    {
        // The receiver's clock is past the tolerance: the signature is right but too old.
        _receiver.Clock.Advance(WebhookReceiver.Tolerance + TimeSpan.FromSeconds(1));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => CreateSink().DeliverAsync(CreateAlert()).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Empty(_receiver.Accepted);
    }

    [Fact]
    public async Task CapturedRequest_ReplayedLater_IsRejected()
    {
        await CreateSink().DeliverAsync(CreateAlert());
        var original = Assert.Single(_receiver.Requests);
        var timestamp = Now.ToUnixTimeSeconds();

        // Somebody who captured the request sends the same bytes and headers six minutes later.
        _receiver.Clock.Advance(TimeSpan.FromMinutes(6));
        using var replay = new HttpRequestMessage(HttpMethod.Post, _receiver.Endpoint) { Content = new ByteArrayContent(original.Body) };
        replay.Headers.Add(WebhookHeaders.IdempotencyKey, original.IdempotencyKey);
        replay.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        replay.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(Secret, timestamp, original.Body));
        using var response = await _httpClient.SendAsync(replay);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DeliverAsync_ReceiverFailsThenRecovers_ThrowsUntilItAcceptsOnce()
    {
        _receiver.FailuresLeft = 2;
        var sink = CreateSink();
        var alert = CreateAlert();

        var first = await Assert.ThrowsAsync<HttpRequestException>(() => sink.DeliverAsync(alert).AsTask());
        _senderClock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<HttpRequestException>(() => sink.DeliverAsync(alert).AsTask());
        _senderClock.Advance(TimeSpan.FromSeconds(2));
        await sink.DeliverAsync(alert);
        await sink.DeliverAsync(alert); // a retry after a lost answer: same key, the receiver keeps one

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(4, _receiver.Requests.Count);
        Assert.All(_receiver.Requests, r => Assert.True(r.Verified));
        Assert.Equal("acme-brand|mastodon:42", Assert.Single(_receiver.Accepted).Key);
    }

    [Fact]
    public async Task DeliverAsync_RefusedWithRetryAfter_ThrowsWithTheWaitAndTheStatus()
    {
        _receiver.FailuresLeft = 1;
        _receiver.RetryAfterSeconds = 120;

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => CreateSink().DeliverAsync(CreateAlert()).AsTask());

        Assert.Equal(TimeSpan.FromMinutes(2), error.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<HttpRequestException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task DeliverAsync_ReceiverDown_ThrowsHttpRequestException()
    {
        var endpoint = _receiver.Endpoint;
        await _receiver.DisposeAsync();
        _receiver = await WebhookReceiver.StartAsync(Secret, Now); // a live one for DisposeAsync; the old port is closed
        var sink = CreateSink(endpoint: endpoint);

        await Assert.ThrowsAsync<HttpRequestException>(() => sink.DeliverAsync(CreateAlert()).AsTask());
    }

    [Fact]
    public async Task DeliverAsync_ReceiverTooSlow_ThrowsTimeout()
    {
        using var silent = new HttpClient(new NeverAnsweringHandler());
        var sink = new WebhookAlertSink(silent, Options(_receiver.Endpoint, Secret, TimeSpan.FromSeconds(1)), _senderClock);

        await Assert.ThrowsAsync<TimeoutException>(() => sink.DeliverAsync(CreateAlert()).AsTask());
    }

    [Fact]
    public async Task DeliverAsync_KeyOutsideAscii_IsPercentEncodedInTheHeader()
    {
        var alert = CreateAlert() with { IdempotencyKey = "marque-café|mastodon:42" };

        await CreateSink().DeliverAsync(alert);

        var request = Assert.Single(_receiver.Requests);
        Assert.Equal("marque-caf%C3%A9%7Cmastodon%3A42", request.IdempotencyKey);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("marque-café|mastodon:42", json.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(null, Secret, 10, "Endpoint")]
    [InlineData("/relative", Secret, 10, "Endpoint")]
    [InlineData("ftp://127.0.0.1/hooks", Secret, 10, "Endpoint")]
    [InlineData("https://hooks.example.com/monitro", "too-short", 10, "Secret")]
    [InlineData("https://hooks.example.com/monitro", "", 10, "Secret")]
    [InlineData("https://hooks.example.com/monitro", Secret, 0, "Timeout")]
    [InlineData("https://hooks.example.com/monitro", Secret, 301, "Timeout")]
    public void Constructor_InvalidOptions_ThrowsNamingTheOptionButNotTheSecret(string? endpoint, string secret, int timeoutSeconds, string option)
    {
        var options = Options(endpoint is null ? null : new Uri(endpoint, UriKind.RelativeOrAbsolute), secret, TimeSpan.FromSeconds(timeoutSeconds));

        var exception = Assert.Throws<OptionsValidationException>(() => new WebhookAlertSink(_httpClient, options));

        Assert.Contains(option, exception.Message, StringComparison.Ordinal);
        if (secret.Length > 0)
        {
            Assert.DoesNotContain(secret, exception.Message, StringComparison.Ordinal);
        }
    }

    private WebhookAlertSink CreateSink(string secret = Secret, Uri? endpoint = null) =>
        new(_httpClient, Options(endpoint ?? _receiver.Endpoint, secret, TimeSpan.FromSeconds(10)), _senderClock);

    private static WebhookAlertSinkOptions Options(Uri? endpoint, string secret, TimeSpan timeout) =>
        new() { Endpoint = endpoint, Secret = secret, Timeout = timeout };

    private static Alert CreateAlert()
    {
        var post = new Post
        {
            Id = "mastodon:42",
            Source = "mastodon",
            Author = new Author { Platform = "mastodon", Handle = "jane@example.social", DisplayName = "Jane" },
            Text = "Is acme down? cannot log in",
            CreatedAt = Now.AddMinutes(-1),
            Url = new Uri("https://example.social/@jane/42"),
        };
        var mention = new Mention
        {
            Post = post,
            Watch = new Watch { Name = "acme-brand", Category = WatchCategory.Brand, Query = "acme" },
            Spans = [new MatchSpan(3, 4)],
            Signals = new MentionSignals
            {
                Sentiment = new SentimentScore(-0.4, SentimentLabel.Negative, 0.8),
                Intents = [new IntentHit(IntentLabel.Question, "Is acme down?", 0.9), new IntentHit(IntentLabel.ChurnRisk, "cannot log in", 0.5)],
                NeedsResponse = true,
            },
        };
        return Alert.ForMention(mention, Now);
    }

    private sealed class NeverAnsweringHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
