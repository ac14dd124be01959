using Microsoft.Extensions.DependencyInjection;
using Monitro.Alerting.Delivery;

namespace Monitro.Storage.Sqlite.Tests.Delivery;

/// <summary>The pipeline's dispatcher delivering from the SQLite outbox to a signed webhook on 127.0.0.1.</summary>
public sealed class SqliteOutboxDeliveryTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "delivery-test-secret-delivery-test-secret";
    private readonly TestDatabase _database = new();
    private readonly HttpClient _httpClient = new();
    private CountingWebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await CountingWebhookReceiver.StartAsync(Secret);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    public void Dispose()
    {
        _httpClient.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Pipeline_ReceiverFailsThenRecovers_DeliversEveryAlertAndSettlesTheOutbox()
    {
        _receiver.FailuresLeft = 3;

        await RunPipelineAsync(_receiver.Endpoint, maxAttempts: 10);

        Assert.Equal(3, _receiver.Failed);
        Assert.Equal(["acme|memory:1", "acme|memory:2"], _receiver.Deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM alert_outbox;"));
        // Each inbox item's creation is an alert too (item.created, for CRM event sinks), settled beside the mentions'.
        Assert.Equal(2 + _database.Scalar("SELECT count(*) FROM inbox_items;"), _database.Scalar("SELECT count(*) FROM settled_alerts WHERE outcome = 'delivered';"));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM dead_letters;"));
    }

    [Fact]
    public async Task Pipeline_ReceiverDownForGood_MovesEachAlertToTheDeadLettersWithTheReason()
    {
        var closedEndpoint = _receiver.Endpoint;
        await _receiver.DisposeAsync();
        _receiver = await CountingWebhookReceiver.StartAsync(Secret); // another port; the first one is closed now

        await RunPipelineAsync(closedEndpoint, maxAttempts: 3);

        var store = _database.CreateStore();
        var deadLetters = (await store.GetDeadLettersAsync(PageRequest.First)).Items;
        Assert.Equal(["acme|memory:1", "acme|memory:2"], deadLetters.Select(d => d.Position).Order(StringComparer.Ordinal));
        Assert.All(deadLetters, d =>
        {
            Assert.Equal(DeadLetterKinds.Alert, d.Kind);
            Assert.Contains("WebhookAlertSink", d.Reason, StringComparison.Ordinal);
            Assert.Contains("HttpRequestException", d.Reason, StringComparison.Ordinal);
            Assert.Contains("\"idempotencyKey\"", d.Excerpt, StringComparison.Ordinal);
        });
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM alert_outbox;"));
        Assert.Equal(2, _database.Scalar("SELECT count(*) FROM settled_alerts WHERE outcome = 'dead';"));
        Assert.Equal(2, _database.Scalar("SELECT count(*) FROM mentions;"));
        Assert.Empty(_receiver.Deliveries);
    }

    private async Task RunPipelineAsync(Uri endpoint, int maxAttempts)
    {
        var posts = new[]
        {
            TestPost("1", "acme lost my parcel"),
            TestPost("2", "does acme ship abroad?"),
            TestPost("3", "nothing to see here"),
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMonitro(options =>
            {
                options.RunInBackground = false;
                options.SinkMaxAttempts = maxAttempts;
                options.SinkRetryInitialDelay = TimeSpan.FromMilliseconds(1);
            })
            .AddWatch("acme", WatchCategory.Brand, "acme")
            .AddSource(new InMemorySource("memory", posts))
            .UseSqlite(_database.FilePath)
            .AddSink(_ => new WebhookAlertSink(_httpClient, new WebhookAlertSinkOptions { Endpoint = endpoint, Secret = Secret }));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await provider.GetRequiredService<MentionMonitor>().RunAsync(timeout.Token);
    }

    private static Post TestPost(string id, string text) => new()
    {
        Id = Post.CreateId("memory", id),
        Source = "memory",
        Author = new Author { Platform = "mastodon", Handle = "user" + id },
        Text = text,
        CreatedAt = Model.Epoch,
    };
}
