using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Alerting.Delivery;
using Monitro.Alerting.Outbox;
using Monitro.Benchmarks.Pipeline;
using Monitro.Diagnostics;
using Monitro.Pipeline;

namespace Monitro.Benchmarks.Delivery;

/// <summary>
/// The delivery workload: rounds of <see cref="AlertsPerRound"/> alerts committed to an outbox, then delivered by the
/// real <see cref="AlertDispatcher"/> to a sink that does nothing, until none is left in flight.
/// </summary>
/// <remarks>
/// The code before the alerting rework (2e4bd3b) runs this file with two changes: the dispatcher and the in-flight set
/// are in <c>Monitro.Pipeline</c> there, and its in-flight set has no <c>Committed</c> step (remove that call).
/// </remarks>
internal sealed class DeliveryWorkload
{
    /// <summary>The alerts each round delivers: four claims of the dispatcher's 64.</summary>
    public const int AlertsPerRound = 256;

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Watch Watch = new() { Name = "acme", Query = "acme" };

    private readonly MonitroMetrics _metrics = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
    private long _nextAlert;

    /// <summary>Commits a round of alerts to the store's outbox and returns their keys.</summary>
    public string[] Fill(IMonitroStore store)
    {
        var alerts = new Alert[AlertsPerRound];
        for (var i = 0; i < alerts.Length; i++)
        {
            alerts[i] = Alert.ForMention(new Mention { Post = CreatePost(_nextAlert++), Watch = Watch }, Start);
        }

        store.CommitAsync(new BatchCommit { SourceName = "bench", Alerts = alerts }).AsTask().GetAwaiter().GetResult();
        return Array.ConvertAll(alerts, alert => alert.IdempotencyKey);
    }

    /// <summary>Lets a dispatcher deliver the round whose keys are given, and checks that none was left.</summary>
    public async Task DeliverAllAsync(IMonitroStore store, IAlertOutbox outbox, string[] keys)
    {
        var inFlight = new InFlightAlerts(AlertsPerRound);
        inFlight.Add(keys);
        inFlight.Committed(keys);
        var services = new PipelineServices(
            [], new MentionMatcher(), store, outbox, [new DiscardingSink()], new NoRelationships(), null, null,
            new MonitroOptions(), TimeProvider.System, _metrics, NullLogger.Instance);
        await new AlertDispatcher(services, inFlight).RunAsync(() => true, CancellationToken.None).ConfigureAwait(false);
        if (inFlight.Count != 0)
        {
            throw new InvalidOperationException($"{inFlight.Count} alerts were left undelivered.");
        }
    }

    private static Post CreatePost(long n) => new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"bench:{n}"),
        Source = "bench",
        Author = new Author { Platform = "mastodon", Handle = string.Create(CultureInfo.InvariantCulture, $"user{n % 2000}@example.social") },
        Text = string.Create(CultureInfo.InvariantCulture, $"Has anyone switched from globex to acme corp? Post {n} asks for advice."),
        CreatedAt = Start.AddSeconds(n),
        Language = "en",
    };

    private sealed class NoRelationships : IRelationshipScorer
    {
        public void Record(Interaction interaction, Author person)
        {
        }

        public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf) => null;

        public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf) => [];
    }
}
