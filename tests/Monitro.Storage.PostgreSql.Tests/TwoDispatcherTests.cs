using System.Collections.Concurrent;
using Monitro.Delivery;
using Monitro.Storage.Testing;
using Monitro.Storage.Testing.Delivery;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>
/// Two dispatchers, each with its own store instance and data source (so their own server connections), share one
/// outbox while the pipeline keeps committing and replaying batches: every alert reaches the receiver exactly once.
/// </summary>
public sealed class TwoDispatcherTests : IAsyncLifetime
{
    private const string Secret = "two-dispatchers-secret-two-dispatchers-0";
    private const int Batches = 20;
    private const int AlertsPerBatch = 15;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private TestSchema? _schema;

    private TestSchema Schema => _schema ??= new TestSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task TwoDispatchers_OneOutboxWhileBatchesAreReplayed_DeliverEveryAlertExactlyOnce()
    {
        await using var receiver = await CountingWebhookReceiver.StartAsync(Secret);
        var pipeline = Schema.CreateStore(TimeProvider.System);
        var first = Schema.CreateStore(TimeProvider.System);
        var second = Schema.CreateStore(TimeProvider.System);
        await pipeline.MigrateAsync();
        var batches = Enumerable.Range(0, Batches)
            .Select(b => M.Batch($"{b}", [.. Enumerable.Range(0, AlertsPerBatch).Select(i => M.Post($"b{b}-{i}", $"user{i}", minute: b))]))
            .ToList();
        var expected = batches.SelectMany(b => b.Alerts).Select(a => a.IdempotencyKey).ToHashSet(StringComparer.Ordinal);

        // Each batch is committed twice, the second time while the dispatchers may be settling its alerts.
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ingest = Task.Run(async () =>
        {
            foreach (var batch in batches.Concat(batches))
            {
                await pipeline.CommitAsync(batch, stop.Token);
            }
        });
        var claimedBy = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var dispatchers = new[] { ("first", first), ("second", second) }
            .Select(d => Task.Run(() => DispatchUntilSettledAsync(d.Item1, d.Item2, ingest, receiver, claimedBy, stop.Token)))
            .ToArray();

        await ingest;
        await Task.WhenAll(dispatchers);

        Assert.Equal(0, receiver.Rejected);
        Assert.True(expected.SetEquals(receiver.Deliveries.Keys), "the receiver did not get every alert, or got others");
        Assert.All(receiver.Deliveries, delivery => Assert.Equal(1, delivery.Value));
        Assert.Equal(expected.Count, claimedBy.Count);
        Assert.Contains("first", claimedBy.Values);
        Assert.Contains("second", claimedBy.Values);
        Assert.Equal(0, await Schema.ScalarAsync("SELECT count(*) FROM alert_outbox;"));
        Assert.Equal(expected.Count, await Schema.ScalarAsync("SELECT count(*) FROM settled_alerts WHERE outcome = 'delivered';"));
    }

    // What the pipeline's dispatcher does: claim due entries for a lease, deliver each, mark it delivered.
    private static async Task DispatchUntilSettledAsync(
        string name, PostgreSqlMonitroStore store, Task ingest, CountingWebhookReceiver receiver, ConcurrentDictionary<string, string> claimedBy, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var sink = new WebhookAlertSink(http, new WebhookAlertSinkOptions { Endpoint = receiver.Endpoint, Secret = Secret });
        while (true)
        {
            var ingestDone = ingest.IsCompleted;
            var entries = await store.ClaimDueAsync(8, Lease, cancellationToken);
            foreach (var entry in entries)
            {
                Assert.True(claimedBy.TryAdd(entry.Alert.IdempotencyKey, name), $"{entry.Alert.IdempotencyKey} was claimed twice");
                await sink.DeliverAsync(entry.Alert, cancellationToken);
                await store.MarkDeliveredAsync(entry.Alert.IdempotencyKey, cancellationToken);
            }

            if (entries.Count == 0)
            {
                if (ingestDone)
                {
                    return;
                }

                await Task.Delay(10, cancellationToken);
            }
        }
    }
}
