using CsCheck;
using Monitro.Matching;
using Monitro.Text;

namespace Monitro.Tests.Matching;

// A phrase without slop is filed under a pair of adjacent elements, found only where both sit at consecutive word
// positions. That must never lose a match: the same mentions and spans as an index that files phrases under their
// rarest element, and every matching watch among the candidates.
public sealed class PhrasePairTests
{
    private static readonly string[] Elements =
    [
        "acme", "corp", "the", "new", "phone", "launch", "rocks", "tidewell", "2024", "café", "#acmecorp", "#acme", "@acme",
        "@acme_support", "$acme", "😃", "👍", "👍🏽", "❤️", "acme.com", "c++", "東京",
    ];

    private static readonly string[] Items =
    [
        "acme", "Acme", "ACME", "corp", "the", "new", "phone", "launch", "rocks", "tidewell", "2024", "café", "cafe\u0301",
        "#AcmeCorp", "#acmecorp", "#acme", "#TidewellRocks", "@acme", "@Acme_Support", "$ACME", "😃", "👍", "👍🏽", "❤️",
        "acme.com", "https://acme.com/launch", "C++", "東京", "東京タワー", "support@acme.com", "acme-corp", "acme corp",
        "the new acme phone", "tidewell rocks", "acme launch 2024", "@acme 👍🏽", "#acme café", "new $ACME 😃",
    ];

    private static readonly string[] Separators = [" ", " ", " ", ", ", ". ", "", "_", "/", "\n", "\u200B", " - "];

    private static readonly Gen<string> Phrase = Gen.Select(
        Gen.OneOf(Elements).Array[2, 3],
        Gen.Frequency((6, Gen.Const(string.Empty)), (1, Gen.OneOf("~1", "~3"))),
        static (elements, slop) => "\"" + string.Join(' ', elements) + "\"" + slop);

    private static readonly Gen<string> Query = Gen.Frequency(
        (6, Phrase),
        (2, Gen.Select(Phrase, Phrase, static (a, b) => a + " OR " + b)),
        (1, Gen.Select(Phrase, Gen.OneOf(Elements), static (a, b) => a + " " + b)),
        (1, Gen.Select(Phrase, Gen.OneOf(Elements), static (a, b) => a + " NEAR/2 " + b)),
        (1, Gen.Select(Phrase, Gen.OneOf(Elements), static (a, b) => a + " -" + b)));

    private static readonly Gen<string> Text = Gen.Select(
        Gen.Select(Gen.OneOf(Items), Gen.OneOf(Separators)).Array[1, 16],
        static items => string.Concat(items.Select(static item => item.Item1 + item.Item2)));

    [Fact]
    public void PairKeys_GiveTheSameMentionsAndSpans_AndMissNoMatchingWatch()
    {
        var samples = Gen.Select(Query.Array[1, 10], Text.Array[1, 6]);
        var evaluator = new QueryEvaluator();
        var matched = 0;
        var candidatesByPairs = 0L;
        var candidatesByWords = 0L;
        for (ulong i = 0; i < 2_000; i++)
        {
            var (queries, texts) = samples.Generate(new PCG(59, i), null, out _);
            var watches = queries.Distinct().Where(QueryValidity.IsValid).Select(query => new Watch { Name = query, Query = query }).ToList();
            var compiled = watches.Select(CompiledWatch.Compile).ToList();
            var byPairs = WatchIndex.Build(compiled, entityWordsByBoundaries: null, phrasePairs: true);
            var byWords = WatchIndex.Build(compiled, entityWordsByBoundaries: null, phrasePairs: false);
            var withPairs = new MentionMatcher(recentCapacity: 64, phrasePairs: true);
            var withoutPairs = new MentionMatcher(recentCapacity: 64, phrasePairs: false);
            withPairs.AddWatches(watches);
            withoutPairs.AddWatches(watches);
            foreach (var text in texts)
            {
                var post = TestPosts.Create(text);
                var expected = withoutPairs.Match(post);
                var actual = withPairs.Match(post);
                Assert.True(
                    expected.Select(Show).SequenceEqual(actual.Select(Show)),
                    $"sample {i}: without pairs [{string.Join(" | ", expected.Select(Show))}], with pairs [{string.Join(" | ", actual.Select(Show))}] on: {text}");

                using var context = PostContext.Of(post);
                var pairs = Candidates(byPairs, context);
                var words = Candidates(byWords, context);
                candidatesByPairs += pairs.Count;
                candidatesByWords += words.Count;
                for (var id = 0; id < compiled.Count; id++)
                {
                    if (evaluator.Evaluate(compiled[id].Root, context))
                    {
                        matched++;
                        Assert.True(pairs.Contains(id), $"sample {i}: the pair keys missed {compiled[id].Watch.Query} on {text}");
                    }
                }
            }
        }

        Console.WriteLine($"phrase pairs: {matched} matches; candidates by rarest words {candidatesByWords}, by pairs {candidatesByPairs}");
        Assert.True(matched > 500, $"only {matched} matches; the generators are too far apart");
        Assert.True(candidatesByPairs < candidatesByWords * 0.8, "the pair keys should hand the evaluator clearly fewer candidates");
    }

    [Theory]
    [InlineData("\"tidewell anvil\"", "the tidewell anvil is here", true, true)]
    [InlineData("\"tidewell anvil\"", "tidewell makes an anvil", false, false)]
    [InlineData("\"tidewell anvil\"", "anvil tidewell", false, false)]
    [InlineData("\"tidewell anvil\"", "#TidewellAnvil", true, true)]
    [InlineData("\"tidewell anvil\"", "tidewell, anvil!", true, true)]
    [InlineData("\"the tidewell\"", "the tidewell", true, true)]
    [InlineData("\"the tidewell\"", "the big tidewell", false, false)]
    [InlineData("\"new tidewell phone\"", "a new tidewell phone", true, true)]
    [InlineData("\"new tidewell phone\"", "new tidewell, old phone", false, false)]
    [InlineData("\"tidewell anvil\"~1", "tidewell big anvil", true, true)]
    [InlineData("\"tidewell anvil\"~1", "tidewell and no", true, false)]
    [InlineData("\"@acme 👍\"", "@acme 👍🏽", true, true)]
    [InlineData("\"@acme 👍\"", "@acme great 👍", false, false)]
    public void Pair_MakesAPhraseACandidate_OnlyWhereItsWordsAreAdjacent(string query, string text, bool candidate, bool matches)
    {
        var index = WatchIndex.Build([CompiledWatch.Compile(new Watch { Name = "w", Query = query })], entityWordsByBoundaries: null, phrasePairs: true);
        using var post = PostContext.Of(TestPosts.Create(text));
        Assert.Equal(candidate, Candidates(index, post).Count == 1);
        Assert.Equal(matches, TestPosts.Matches(query, text));
    }

    [Fact]
    public void Tokens_ComeInTheOrderOfTheirPositions_WithLinksOutsideTheTextLast()
    {
        // The pair look-up finds a position's neighbours beside it in the token list.
        var checkedPosts = 0;
        var generated = SocialTextGenerators.Post.Array[200, 200].Generate(new PCG(61, 0), null, out _);
        var texts = Text.Array[200, 200].Generate(new PCG(61, 1), null, out _);
        foreach (var post in generated.Concat(texts.Select(static text => TestPosts.Create(text))))
        {
            using var context = PostContext.Of(post);
            var last = 0;
            var outsideText = false;
            foreach (var token in context.Analysis.Tokens)
            {
                if (token.Position < 0)
                {
                    outsideText = true;
                    continue;
                }

                Assert.False(outsideText, $"a token in the text after a link outside it in: {post.Text}");
                Assert.True(token.Position >= last, $"token at {token.Position} after one at {last} in: {post.Text}");
                last = token.Position;
            }

            checkedPosts++;
        }

        Assert.Equal(400, checkedPosts);
    }

    [Fact]
    public void PairEncoding_TellsApartPairsWithTheSameCharacters()
    {
        Span<char> a = stackalloc char[PhrasePair.EncodedLength(2, 1)];
        Span<char> b = stackalloc char[PhrasePair.EncodedLength(1, 2)];
        PhrasePair.Write(a, TokenKind.Word, "ab", TokenKind.Word, "c");
        PhrasePair.Write(b, TokenKind.Word, "a", TokenKind.Word, "bc");
        Assert.False(a.SequenceEqual(b));
        PhrasePair.Write(b, TokenKind.Hashtag, "ab", TokenKind.Word, "c");
        Assert.False(a.SequenceEqual(b));
    }

    private static string Show(Mention mention) =>
        mention.Watch.Name + ":" + string.Join(',', mention.Spans.Select(static s => s.Start + "+" + s.Length));

    private static HashSet<int> Candidates(WatchIndex index, PostContext post)
    {
        var candidates = new CandidateSet();
        candidates.Reset(index.Watches.Length);
        index.Collect(post, candidates, offset: 0);
        return [.. candidates.Ids];
    }
}
