using BenchmarkDotNet.Attributes;
using Monitro.Alerting.State;
using Monitro.Relationships;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// Start-up restore of the relationships from a stored history of interactions (ten per person on average):
/// the baseline replays the whole history, evaluating each person at every moment they interacted; the other
/// restores each person from the snapshot the commits stored and records their interactions without evaluating them.
/// Both start from the history already read (the store's one pass over it is the same for both and not measured).
/// </summary>
[MemoryDiagnoser]
public class RelationshipRestoreBenchmarks
{
    private (Interaction Interaction, Author Person)[] _history = [];
    private List<AlertStateRow> _snapshots = [];

    /// <summary>Gets the history sizes to run: the value of <c>MONITRO_RESTORE_INTERACTIONS</c> (1,000,000 for the figures), or 20,000.</summary>
    public static IEnumerable<int> Sizes =>
        [int.TryParse(Environment.GetEnvironmentVariable("MONITRO_RESTORE_INTERACTIONS"), out var count) && count >= 10 ? count : 20_000];

    /// <summary>Gets or sets the number of stored interactions; the people are a tenth of them.</summary>
    [ParamsSource(nameof(Sizes))]
    public int InteractionCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var seeded = new SyntheticInteractions(InteractionCount, InteractionCount / 10);
        _history = [.. seeded.Interactions.Select((interaction, i) => (interaction, seeded.PersonOf[i]))];

        // What the commits stored: the snapshot of everyone, as of the last interaction.
        var registry = NewRegistry();
        _ = registry.Replay(_history);
        var state = new AlertStateWriter();
        registry.TakeUnsaved(state);
        _snapshots = [.. state.ToChanges()!.Saved];
    }

    [Benchmark(Baseline = true)]
    public int FullReplay() => NewRegistry().Replay(_history);

    [Benchmark]
    public int FromSnapshots()
    {
        var registry = NewRegistry();
        registry.Restore(_snapshots);
        return registry.Replay(_history);
    }

    private static RelationshipRegistry NewRegistry() => new(new RelationshipOptions(), new NullContactResolver());
}
