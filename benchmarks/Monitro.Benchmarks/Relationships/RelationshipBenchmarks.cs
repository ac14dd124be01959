using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// The cost of one interaction update in the relationship scorer, and the memory it keeps: 1,000,000
/// interactions over 100,000 people recorded into a fresh scorer. The baseline appends the same
/// interactions to a plain list (the least any scorer must do to keep them). Scoring is measured apart
/// from recording because it runs per person changed, not per interaction.
/// </summary>
[MemoryDiagnoser]
public class RelationshipBenchmarks
{
    private const int Interactions = 1_000_000;
    private const int People = 100_000;
    private static readonly DateTimeOffset Start = SyntheticInteractions.Start;

    private Interaction[] _interactions = [];
    private Author[] _authors = [];

    [GlobalSetup]
    public void Setup()
    {
        var history = new SyntheticInteractions(Interactions, People);
        _authors = history.Authors;
        _interactions = history.Interactions;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Interactions)]
    public int AppendToList()
    {
        var list = new List<Interaction>();
        foreach (var interaction in _interactions)
        {
            list.Add(interaction);
        }

        return list.Count;
    }

    [Benchmark(OperationsPerInvoke = Interactions)]
    public int Record()
    {
        using var provider = new ServiceCollection().AddMonitro().Services.BuildServiceProvider();
        var scorer = provider.GetRequiredService<IRelationshipScorer>();
        for (var i = 0; i < _interactions.Length; i++)
        {
            var interaction = _interactions[i];
            scorer.Record(interaction, AuthorOf(interaction));
        }

        return scorer.GetRelationship(_interactions[0].PersonId, Start)?.Inbound ?? 0;
    }

    // The person index is in the handle; parsing it keeps the lookup out of the measured work's way.
    private Author AuthorOf(Interaction interaction)
    {
        var key = interaction.PersonId;
        var start = "mastodon:user".Length;
        var end = key.IndexOf('@', start);
        return _authors[int.Parse(key.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture)];
    }
}
