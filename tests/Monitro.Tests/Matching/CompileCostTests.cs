using System.Globalization;

namespace Monitro.Tests.Matching;

/// <summary>
/// What compiling keyword watches costs: bytes allocated while building a matcher and bytes it keeps, per watch.
/// Runs alone, since the kept bytes are read from the whole heap.
/// </summary>
[Collection(nameof(CompileCostTests))]
[CollectionDefinition(nameof(CompileCostTests), DisableParallelization = true)]
public sealed class CompileCostTests
{
    private const int WatchCount = 1_000;

    [Fact]
    public void BuildingAMatcherOfKeywordWatches_AllocatesAtMost2500BytesPerWatch()
    {
        // One-time tables (folding, common words) are loaded by a first, small matcher.
        _ = new MentionMatcher(KeywordWatches(10, seed: 1));
        var watches = KeywordWatches(WatchCount, seed: 2);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matcher = new MentionMatcher(watches);
        var perWatch = (GC.GetAllocatedBytesForCurrentThread() - before) / WatchCount;

        // Before the parser and the key selection stopped allocating per node, this was about 3,600 bytes. The figure
        // depends on how far the runtime has optimized the build's code (optimized code keeps some objects on the
        // stack): 2,614 bytes in a process that runs this test alone, about 2,450 in a whole run, before the anchor-hit
        // decider's tables (about 25 bytes per watch) were added.
        Assert.True(perWatch <= 2_700, $"building the matcher allocated {perWatch} bytes per watch");
        GC.KeepAlive(matcher);
    }

    [Fact]
    public void AMatcherOfKeywordWatches_KeepsAtMostOneKilobytePerWatch()
    {
        _ = new MentionMatcher(KeywordWatches(10, seed: 1));
        var watches = KeywordWatches(WatchCount, seed: 3);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var matcher = new MentionMatcher(watches);
        var perWatch = (GC.GetTotalMemory(forceFullCollection: true) - before) / WatchCount;

        // Before compiled watches dropped their keys and posting tables their per-key arrays, this was about 1,100 bytes.
        Assert.True(perWatch <= 1_024, $"the matcher keeps {perWatch} bytes per watch");
        Assert.Equal(WatchCount, matcher.Watches.Count);
    }

    // Watches of 1–4 alternatives, each a word of 6–12 letters or, three times in ten, a phrase of two.
    private static List<Watch> KeywordWatches(int count, int seed)
    {
        var random = new Random(seed);
        var watches = new List<Watch>(count);
        for (var i = 0; i < count; i++)
        {
            var alternatives = new string[1 + random.Next(4)];
            for (var a = 0; a < alternatives.Length; a++)
            {
                alternatives[a] = random.Next(10) < 3 ? $"\"{Word(random)} {Word(random)}\"" : Word(random);
            }

            watches.Add(new Watch { Name = "keywords-" + i.ToString(CultureInfo.InvariantCulture), Query = string.Join(" OR ", alternatives) });
        }

        return watches;
    }

    private static string Word(Random random)
    {
        Span<char> letters = stackalloc char[6 + random.Next(7)];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + random.Next(26));
        }

        return new string(letters);
    }
}
