using System.Globalization;
using System.Text;
using CsCheck;
using Monitro.Matching;
using Xunit.Abstractions;
using Family = Monitro.Tests.Matching.HostileTextGenerators.Family;

namespace Monitro.Tests.Matching;

/// <summary>
/// A differential fuzzer of the matcher's fast paths: the pre-filter's anchor scan (by windows when every anchor has
/// four characters or more), the plain-word decider, deciding around the occurrences, keyword watches decided from the
/// index's occurrences, the per-thread segmentation cache, and in large sets the posting tables' bit filters
/// (≥ 16,384 keys), the automaton's single paths compared at once (≥ 4,096 patterns) and the look-up of words inside
/// entities between their boundaries (≥ 32,768 words). Watch sets of every shape meet posts built from hostile pieces; the fast matcher must
/// give exactly the mentions and spans of the slowest exact path the matcher has: no pre-filter, nothing decided, every
/// candidate evaluated, in indexes small enough that no size-dependent structure is switched on. A second check holds
/// the fast matcher against <see cref="ReferenceEvaluator"/>, written from the documented rules.
/// </summary>
/// <remarks>
/// The samples come from fixed PCG streams, so the suite is reproducible and bounded. To hunt longer, set
/// <c>MONITRO_FUZZ_SCALE</c> to a whole number that multiplies every sample count (the default is 1), and
/// <c>MONITRO_FUZZ_SEED</c> to a number that moves every stream (the default is 0, the streams the suite runs). A
/// mismatch is reported with the watch and the shortest part of the post that still shows it.
/// </remarks>
public sealed class MatcherFastPathFuzzTests(ITestOutputHelper output)
{
    private const int ChunkSize = 1_500;

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("MONITRO_FUZZ_SCALE"), CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("MONITRO_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 0;

    // Every sample's vocabulary has these, so each family has words of four and five letters and more.
    private static readonly string[] Always = ["acme", "tidewell", "launch"];

    [Theory]
    [InlineData(nameof(Family.Keywords), 500)]
    [InlineData(nameof(Family.AroundHits), 500)]
    [InlineData(nameof(Family.Everything), 400)]
    public void Match_WatchSetsOfEveryShapeOnHostilePosts_FastPathsGiveTheFullPathsMentionsAndSpans(string shapes, int samples)
    {
        var family = Enum.Parse<Family>(shapes);
        var verdicts = new Dictionary<PrefilterVerdict, int>();
        var (posts, mentions) = (0, 0);
        for (var i = 0; i < samples * Scale; i++)
        {
            var (queries, sample) = Sample(family, i, out var pcg);
            var fast = LoadFast(queries, oneByOne: Gen.Bool.Generate(pcg, null, out _));
            var slowest = LoadSlowest(queries);
            foreach (var post in sample)
            {
                var verdict = fast.PrefilterVerdictOf(post);
                verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
                var expected = Describe(slowest.Match(post));
                var actual = Describe(fast.Match(post));
                if (!expected.SequenceEqual(actual))
                {
                    Assert.Fail($"{family} sample {i}: " + Minimal(queries, post, expected, actual));
                }

                posts++;
                mentions += expected.Count;
            }
        }

        var counts = string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}"));
        output.WriteLine($"{family}: {samples * Scale} watch sets, {posts} posts, {mentions} mentions; pre-filter verdicts: {counts}");

        // The fast paths must be at work on a good share of the posts, or the comparison proves little.
        Assert.True(mentions >= posts / 4, $"only {mentions} mentions in {posts} posts");
        Assert.True(verdicts.GetValueOrDefault(PrefilterVerdict.Skip) >= posts / 50, counts);
        if (family != Family.Everything)
        {
            Assert.True(verdicts.GetValueOrDefault(PrefilterVerdict.Decided) + verdicts.GetValueOrDefault(PrefilterVerdict.DecidedNearHits) >= posts / 10, counts);
        }
    }

    [Theory]
    [InlineData(nameof(Family.AroundHits), 150)]
    [InlineData(nameof(Family.Everything), 150)]
    public void Match_WatchSetsOfEveryShapeOnHostilePosts_AgreeWithTheReference(string shapes, int samples)
    {
        var family = Enum.Parse<Family>(shapes);
        var (pairs, matched) = (0, 0);
        for (var i = 0; i < samples * Scale; i++)
        {
            var (queries, sample) = Sample(family, i, out _);
            var trees = queries.Distinct().ToDictionary(q => q, QueryParser.Parse);
            var fast = LoadFast(queries, oneByOne: false);
            foreach (var post in sample)
            {
                var reference = new ReferenceEvaluator(post);
                var mentions = fast.Match(post).ToDictionary(m => m.Watch.Name);
                for (var w = 0; w < queries.Count; w++)
                {
                    var tree = trees[queries[w]];
                    var expected = reference.Matches(tree);
                    var found = mentions.TryGetValue(Name(w), out var mention);
                    Assert.True(expected == found, $"{family} sample {i}: {queries[w]} should {(expected ? string.Empty : "not ")}match {Show(post.Text)}");
                    if (found)
                    {
                        var spans = reference.Highlights(tree);
                        Assert.True(spans.SequenceEqual(mention!.Spans), $"{family} sample {i}: {queries[w]} on {Show(post.Text)}: spans {Spans(spans)} expected, {Spans(mention.Spans)} found");
                        matched++;
                    }

                    pairs++;
                }
            }
        }

        output.WriteLine($"{family}: {samples * Scale} watch sets, {pairs} watch-post pairs, {matched} matched");
        Assert.True(matched >= pairs / 50, $"only {matched} of {pairs} pairs matched");
    }

    [Fact]
    public void Match_WatchSetsPastTheSizeThresholds_GiveTheMentionsOfSmallIndexesOnTheFullPath()
    {
        var random = new Random(17 + (int)Seed);
        var shipped = ShippedWords();
        var vocabulary = new List<string>(shipped);
        var known = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        while (vocabulary.Count < 42_000)
        {
            // Two shipped words run together: more words than the list has, and words the segmenter splits in entities.
            var compound = shipped[random.Next(shipped.Length)] + shipped[random.Next(shipped.Length)];
            if (known.Add(compound))
            {
                vocabulary.Add(compound);
            }
        }

        var queries = new List<string>(vocabulary.Count + 400);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            var other = vocabulary[random.Next(vocabulary.Count)];
            queries.Add((i % 10) switch
            {
                < 5 => vocabulary[i],
                < 8 => vocabulary[i] + " OR " + other,
                8 => "\"" + vocabulary[i] + " " + other + "\"",
                _ => "\"" + vocabulary[i] + "\"",
            });
        }

        var entityWords = queries.Where(q => !q.StartsWith('"')).SelectMany(q => q.Split(" OR ")).Distinct().Count();
        Assert.True(entityWords >= WatchIndex.BoundaryLookupMinimumWords && entityWords >= PostingTable.FilterMinimumKeys, $"only {entityWords} words");

        // Watches of the shapes decided around the occurrences, over words the posts use often.
        var hot = HostileTextGenerators.LongWords.Concat(Enumerable.Range(0, 40).Select(_ => shipped[random.Next(shipped.Length)])).ToArray();
        var shaped = HostileTextGenerators.Query(Family.AroundHits, hot).Array[400].Generate(new PCG(61, Seed), null, out _);
        queries.AddRange(shaped.Where(QueryValidity.IsValid));

        var fast = LoadFast(queries, oneByOne: false);
        var chunks = queries.Chunk(ChunkSize).Select((chunk, c) => LoadSlowest([.. chunk], c * ChunkSize)).ToList();
        var postWords = hot.Concat(Enumerable.Range(0, 2_000).Select(_ => vocabulary[random.Next(vocabulary.Count)])).ToArray();
        var posts = HostileTextGenerators.Post(postWords).Array[200 * Scale].Generate(new PCG(62, Seed), null, out _);
        var verdicts = new Dictionary<PrefilterVerdict, int>();
        var mentions = 0;
        foreach (var post in posts)
        {
            var verdict = fast.PrefilterVerdictOf(post);
            verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
            mentions += Compare(fast, chunks, queries, post, "past the thresholds");
        }

        // A fuzzy watch turns the pre-filter off (it has no literal to look for) and an author: watch the deciding: the
        // same posts then go through the index's keyword hits and the evaluator, past the thresholds too.
        string[] added = ["tidewell~1", "author:acme"];
        foreach (var query in added)
        {
            fast.AddWatch(new Watch { Name = Name(queries.Count), Query = query });
            chunks.Add(LoadSlowest([query], queries.Count));
            queries.Add(query);
        }

        foreach (var post in posts.Take(100 * Scale))
        {
            mentions += Compare(fast, chunks, queries, post, "with a fuzzy and an author: watch");
        }

        // Threads matching at once share the snapshot (and its pre-filter's counters) but not their scratch.
        var alone = posts.Select(p => Describe(fast.Match(p))).ToList();
        var together = new List<string>[posts.Length];
        Parallel.For(0, posts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, p => together[p] = Describe(fast.Match(posts[p])));
        Assert.All(Enumerable.Range(0, posts.Length), p => Assert.Equal(alone[p], together[p]));

        var counts = string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}"));
        output.WriteLine($"{queries.Count} watches ({entityWords} words looked for inside entities), {posts.Length} + {Math.Min(posts.Length, 100 * Scale)} posts, {mentions} mentions; pre-filter verdicts: {counts}");
        Assert.True(mentions >= posts.Length, $"only {mentions} mentions");

        // The fast matcher is asked twice per post (the verdict, then the match). Once a sample of the pre-filter's
        // posts is complete with most of them passed, as here, it stands aside for the next posts by design and they all
        // pass unscanned (MatcherSnapshot.BypassLength); so the share decided is asked of the posts of the first sample,
        // which are scanned at any MONITRO_FUZZ_SCALE. About one in twenty of them is decided (25 of 512 with the scale
        // at 4); the floor asks for half that, so that it fails when deciding stops, not when a seed decides a few less.
        var scanned = Math.Min(posts.Length, MatcherSnapshot.SampleSize / 2);
        Assert.True(verdicts.GetValueOrDefault(PrefilterVerdict.Decided) + verdicts.GetValueOrDefault(PrefilterVerdict.DecidedNearHits) >= scanned / 40, counts);
    }

    // A vocabulary of 6–12 words (always with those of Always), the family's watches over it, and posts built from it.
    private static (List<string> Queries, Post[] Posts) Sample(Family family, int i, out PCG pcg)
    {
        pcg = new PCG((uint)family + 71, Seed * 1_000_003 + (ulong)i);
        var picked = Gen.OneOf(HostileTextGenerators.Words).Array[3, 9].Generate(pcg, null, out _);
        var words = Always.Concat(picked).Distinct().ToArray();
        var count = Gen.Frequency((6, Gen.Int[1, 12]), (3, Gen.Int[13, 60]), (1, Gen.Int[61, 300])).Generate(pcg, null, out _);
        var queries = HostileTextGenerators.Query(family, words).Array[count].Generate(pcg, null, out _).Where(QueryValidity.IsValid).ToList();
        if (queries.Count == 0)
        {
            queries.Add("acme");
        }

        var posts = Gen.Frequency((2, HostileTextGenerators.Post(words)), (1, HostileTextGenerators.PlainPost(words))).Array[8].Generate(pcg, null, out _);
        return (queries, posts);
    }

    // The watches as users add them: all at once, or half at once and the rest one by one (small and sealed levels,
    // background merges).
    private static MentionMatcher LoadFast(List<string> queries, bool oneByOne)
    {
        var matcher = new MentionMatcher(recentCapacity: 4);
        var bulk = oneByOne ? queries.Count / 2 : queries.Count;
        matcher.AddWatches(queries.Take(bulk).Select((q, w) => new Watch { Name = Name(w), Query = q }));
        for (var w = bulk; w < queries.Count; w++)
        {
            matcher.AddWatch(new Watch { Name = Name(w), Query = queries[w] });
        }

        return matcher;
    }

    // The slowest exact path: every post tokenized and looked up, every candidate evaluated.
    private static MentionMatcher LoadSlowest(List<string> queries, int firstName = 0)
    {
        var matcher = new MentionMatcher(recentCapacity: 64)
        {
            SkipsPostsWithoutAnchors = false,
            DecidesFromAnchorHits = false,
            DecidesNearAnchorHits = false,
            DecidesKeywordWatches = false,
        };
        matcher.AddWatches(queries.Select((q, w) => new Watch { Name = Name(firstName + w), Query = q }));
        return matcher;
    }

    private static int Compare(MentionMatcher fast, List<MentionMatcher> chunks, List<string> queries, Post post, string stage)
    {
        var expected = chunks.SelectMany(c => c.Match(post)).OrderBy(m => m.Watch.Name, StringComparer.Ordinal).ToList();
        var describedExpected = Describe(expected);
        var actual = Describe(fast.Match(post));
        if (!describedExpected.SequenceEqual(actual))
        {
            Assert.Fail($"{stage}: " + Minimal(queries, post, describedExpected, actual));
        }

        return expected.Count;
    }

    // The first watch whose mention differs, alone, and the shortest stretch of the post that still shows a difference
    // for it (chunks of the text removed while the difference stays), or the whole set when alone it agrees.
    private static string Minimal(List<string> queries, Post post, List<string> expected, List<string> actual)
    {
        var names = expected.Concat(actual).Select(d => d[..d.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();
        var differing = names.FirstOrDefault(n => expected.FirstOrDefault(d => d.StartsWith(n + ":", StringComparison.Ordinal)) != actual.FirstOrDefault(d => d.StartsWith(n + ":", StringComparison.Ordinal))) ?? names.First();
        var query = queries[int.Parse(differing.AsSpan(1), CultureInfo.InvariantCulture)];
        if (!Differs([query], post))
        {
            return $"watch {differing} [{query}] differs only among {queries.Count} watches ({string.Join(" | ", queries.Take(40))}) on {Show(post.Text!)}: expected {string.Join(" ", expected)}, got {string.Join(" ", actual)}";
        }

        var text = post.Text!;
        for (var length = text.Length / 2; length >= 1; length /= 2)
        {
            for (var at = 0; at + length <= text.Length;)
            {
                var shorter = text.Remove(at, length);
                if (Differs([query], post with { Text = shorter }))
                {
                    text = shorter;
                }
                else
                {
                    at += length;
                }
            }
        }

        var alone = post with { Text = text };
        return $"[{query}] on {Show(text)}: full path {string.Join(" ", Describe(LoadSlowest([query]).Match(alone)))}, fast {string.Join(" ", Describe(LoadFast([query], oneByOne: false).Match(alone)))} (found on {Show(post.Text!)})";
    }

    private static bool Differs(List<string> queries, Post post) =>
        !Describe(LoadSlowest(queries).Match(post)).SequenceEqual(Describe(LoadFast(queries, oneByOne: false).Match(post)));

    // The words of four letters or more of the segmenter's shipped list.
    private static string[] ShippedWords()
    {
        using var stream = typeof(MentionMatcher).Assembly.GetManifestResourceStream("Monitro.Text.words.tsv")
            ?? throw new InvalidOperationException("the shipped word list is missing");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Split('\t')[0];
            if (!line.StartsWith('#') && word.Length >= 4 && word.All(char.IsAsciiLetterLower))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    private static string Name(int w) => "w" + w.ToString("D6", CultureInfo.InvariantCulture);

    private static List<string> Describe(IEnumerable<Mention> mentions) =>
        [.. mentions.Select(m => m.Watch.Name + ":" + Spans(m.Spans))];

    private static string Spans(IEnumerable<MatchSpan> spans) => string.Join(",", spans.Select(s => s.Start + "+" + s.Length));

    // The text with every character that does not show itself (controls, format characters, surrogates, whitespace
    // other than a space, noncharacters) escaped.
    private static string Show(string text)
    {
        var shown = new StringBuilder("\"");
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if ((char.IsWhiteSpace(c) && c != ' ') || c is '\uFFFE' or '\uFFFF' || category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.NonSpacingMark or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.Append('"').ToString();
    }
}
