using CsCheck;
using Monitro.Matching;

namespace Monitro.Tests.Matching;

// A large index finds words inside hashtags and handles by looking up the stretches between the entity's word
// boundaries instead of scanning each entity with the anchors' automaton. Both must lead to exactly the same mentions,
// and the look-ups must miss no watch that matches.
public sealed class EntityWordLookupTests
{
    private static readonly string[] Parts =
    [
        "acme", "rocks", "black", "friday", "sale", "whole", "wedding", "tidewell", "iphone", "new", "fund", "love", "the",
        "support", "team", "netflix", "weruca", "kalomira", "stakor", "x", "2024", "café",
    ];

    private static readonly string[] Words =
    [
        "acme", "rock", "rocks", "sale", "wholesale", "friday", "blackfriday", "ding", "wedding", "tide", "well", "tidewell",
        "iphone", "phone", "newi", "fund", "love", "theacme", "support", "acmesupport", "netflix", "weru", "weruca", "kalo",
        "mira", "stak", "stakor", "amir", "acmerocks", "rockssale", "café", "2024",
    ];

    private static readonly Gen<string> Part = EntityPartGenerators.Part(Parts);

    private static readonly Gen<string> Entity = EntityPartGenerators.Entity(Part);

    private static readonly Gen<string> Text = Gen.Select(
        Gen.Frequency((3, Entity), (1, Gen.OneOf(Parts))).Array[1, 6],
        static items => string.Join(' ', items));

    private static readonly Gen<string> Query = Gen.Select(Gen.OneOf(Words), Gen.Int[0, 3], static (word, style) => style switch
    {
        0 or 1 => word,
        2 => "\"" + word + "\"",
        _ => "#" + word,
    });

    [Fact]
    public void BoundaryLookUps_GiveTheSameMentionsAsTheAutomaton_AndMissNoMatchingWatch()
    {
        var samples = Gen.Select(Query.Array[1, 12], Text.Array[1, 6]);
        var evaluator = new QueryEvaluator();
        var matched = 0;
        var candidatesByAutomaton = 0L;
        var candidatesByBoundaries = 0L;
        for (ulong i = 0; i < 2_000; i++)
        {
            var (queries, texts) = samples.Generate(new PCG(47, i), null, out _);
            var watches = queries.Select((_, n) => string.Join(" OR ", queries.Skip(n).Take(2)))
                .Where(QueryValidity.IsValid)
                .Select((query, n) => CompiledWatch.Compile(new Watch { Name = "w" + n, Query = query }))
                .ToList();
            var byAutomaton = WatchIndex.Build(watches, entityWordsByBoundaries: false);
            var byBoundaries = WatchIndex.Build(watches, entityWordsByBoundaries: true);
            foreach (var text in texts)
            {
                using var post = PostContext.Of(TestPosts.Create(text));
                var automaton = Candidates(byAutomaton, post);
                var boundaries = Candidates(byBoundaries, post);
                candidatesByAutomaton += automaton.Count;
                candidatesByBoundaries += boundaries.Count;
                for (var id = 0; id < watches.Count; id++)
                {
                    if (!evaluator.Evaluate(watches[id].Root, post))
                    {
                        continue;
                    }

                    matched++;
                    Assert.True(automaton.Contains(id), $"sample {i}: the automaton missed {watches[id].Watch.Query} on {text}");
                    Assert.True(boundaries.Contains(id), $"sample {i}: the boundary look-ups missed {watches[id].Watch.Query} on {text}");
                }
            }
        }

        Console.WriteLine($"entity words: {matched} matches; candidates by the automaton {candidatesByAutomaton}, by boundary look-ups {candidatesByBoundaries}");
        Assert.True(matched > 1_000, $"only {matched} matches; the generators are too far apart");
        Assert.True(candidatesByBoundaries < candidatesByAutomaton, "the look-ups between boundaries should hand the evaluator fewer candidates");
    }

    [Theory]
    [InlineData("rocks", "#acmerocks", true)]
    [InlineData("wedding", "#weddingday", true)]
    [InlineData("ding", "#wedding", false)]
    [InlineData("friday", "#blackfridaysale", true)]
    [InlineData("sale", "#wholesale", false)]
    [InlineData("port", "@acme.support", false)]
    [InlineData("iphone", "#NewiPhoneFund", true)]
    [InlineData("weru", "@weruca_fans", false)]
    public void BoundaryLookUps_FindAWordInsideAnEntityOnlyBetweenBoundaries(string word, string text, bool candidate)
    {
        var index = WatchIndex.Build([CompiledWatch.Compile(new Watch { Name = "w", Query = word })], entityWordsByBoundaries: true);
        using var post = PostContext.Of(TestPosts.Create(text));
        Assert.Equal(candidate, Candidates(index, post).Count == 1);
    }

    private static HashSet<int> Candidates(WatchIndex index, PostContext post)
    {
        var candidates = new CandidateSet();
        candidates.Reset(index.Watches.Length);
        index.Collect(post, candidates, offset: 0);
        return [.. candidates.Ids];
    }
}
