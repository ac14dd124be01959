using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitro.Alerting;
using Monitro.Diagnostics;
using Monitro.Pipeline;

namespace Monitro.Tests.Pipeline;

/// <summary>Builds the <see cref="PipelineServices"/> of a run for tests of single pipeline stages.</summary>
internal static class PipelineTestServices
{
    public static PipelineServices Create(
        IMonitroStore store,
        TimeProvider time,
        AlertRouter? router = null,
        IRelationshipScorer? scorer = null,
        IMeterFactory? meterFactory = null) =>
        new(
            [],
            new MentionMatcher(),
            store,
            store switch
            {
                IAlertOutbox outbox => outbox,
                RecordingStore recording => recording.Inner, // its commits land in the inner store's outbox
                _ => new InMemoryMonitroStore(time),
            },
            [],
            scorer ?? new NoTransitions(),
            null,
            null,
            new MonitroOptions(),
            time,
            new MonitroMetrics(meterFactory ?? NewMeterFactory()),
            NullLogger.Instance)
        {
            Alerting = router ?? AlertRouter.PassThrough,
        };

    public static IMeterFactory NewMeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private sealed class NoTransitions : IRelationshipScorer
    {
        public void Record(Interaction interaction, Author person)
        {
        }

        public RelationshipSnapshot? GetRelationship(string personId, DateTimeOffset asOf) => null;

        public IReadOnlyList<RelationshipSnapshot> GetTop(int count, DateTimeOffset asOf) => [];
    }
}
