using System.Globalization;
using System.Text;

namespace Monitro.Tests.Analysis;

// Text written to break the analyzers (sentiment in every language, intents with and without the learned models,
// language detection): every code point, lone surrogates, noncharacters, ZWJ runs, combining stacks, bidi controls,
// every control character, megabytes of one emoji or one word, runs of punctuation and negations, tokens of 100,000
// letters, mixed scripts. Nothing throws, every value is finite and in its range, and the work — the bytes the
// analyzer allocates — at most doubles (times a stated slack) when the text doubles. No bound is on time.
public sealed class AnalyzerHostileInputTests
{
    // How much more than double the allocations may grow when the text doubles: rounding of pooled and grown buffers.
    private const double Slack = 1.25;

    // Below this many bytes the fixed costs of a call dominate; the doubling bound applies from here.
    private const long FixedBytes = 64 * 1024;

    private const int Megabyte = 1024 * 1024;

    // Texts this long or longer are read in the main languages only (English, untagged, one other), to keep the budget.
    private const int LongText = 64 * 1024;

    // MONITRO_FUZZ_SCALE=n multiplies the lengths of the repeated pieces.
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("MONITRO_FUZZ_SCALE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

    private static readonly LexiconSentimentAnalyzer Sentiment = new();

    private static readonly RuleIntentDetector Intents = new();

    private static readonly RuleIntentDetector RuleIntents = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false });

    private static readonly IntentContext Addressed = new() { Mentions = ["acme", "globex"], CompanyAccounts = ["acme"] };

    // Language tags the analyzers read: English, the four built-in others, one they do not cover, and none (detected).
    private static readonly string?[] Languages = ["en", null, "de", "es", "fr", "pt", "ja", "EN-gb", "x-\uFFFE"];

    // Repeated to any length: what each piece attacks is named beside it.
    private static readonly Dictionary<string, string> Pieces = new()
    {
        ["emoji"] = "😀",
        ["emoji-vs16"] = "❤\uFE0F",
        ["irony"] = "great. 🙃 ",
        ["zwj-run"] = "👨\u200D",
        ["family"] = "👨\u200D👩\u200D👧\u200D👦 ",
        ["flag-tags"] = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
        ["skin-tones"] = "👍🏽👍🏿",
        ["one-word"] = "terrible ",
        ["one-praise"] = "love ",
        ["one-letter"] = "a",
        ["capitals"] = "TERRIBLE but GREAT!!! ",
        ["bangs"] = "!",
        ["questions"] = "?",
        ["dots"] = "...",
        ["negations"] = "not ",
        ["negated-praise"] = "not good ",
        ["no-sentence"] = "No. WTF. ",
        ["contractions"] = "don't won't can't ",
        ["apostrophes"] = "'",
        ["but"] = "but ",
        ["boosters"] = "very ",
        ["cannot-enough"] = "can't get enough ",
        ["still-waiting"] = "still waiting for my refund ",
        ["complaint"] = "@acme why is my order still not here? ",
        ["churn"] = "switching from @acme to @globex, cancel my subscription. ",
        ["handles"] = "@acme @globex #love $ACME ",
        ["hashes"] = "#",
        ["ats"] = "@",
        ["links"] = "http://x.com/terrible ",
        ["combining"] = "\u0301",
        ["combined-word"] = "goo\u0301d ",
        ["bidi"] = "\u202Eterrible\u202C \u2067great\u2069 ",
        ["controls"] = Controls(),
        ["surrogates"] = "\uD800x\uDC00 \uDBFF",
        ["noncharacters"] = "\uFFFE\uFFFF\uFDD0\uD83F\uDFFE\uDBFF\uDFFF ",
        ["byte-order-marks"] = "\uFEFFgood\uFEFF ",
        ["invisible"] = "go\u200Bod\u00AD \u2060",
        ["full-width"] = "ｔｅｒｒｉｂｌｅ ",
        ["mixed-scripts"] = "good東京плохоمرحباgreatשלום ",
        ["german"] = "nicht gut, aber schön ",
        ["french"] = "j'aime pas du tout ",
        ["whitespace"] = "\u00A0\u2028\u2029\u3000\u1680\t\r\n",
        ["digits"] = "4",
        ["lexicon-words"] = LexiconWords(),
    };

    public static TheoryData<string> PieceNames => [.. Pieces.Keys];

    // The cases the standard names with their sizes, each read whole (built when run: theory data stays short).
    private static readonly Dictionary<string, Func<string>> Named = new()
    {
        ["1 MB of one emoji"] = () => Repeat("😀", Megabyte),
        ["1 MB of one word"] = () => Repeat("terrible ", Megabyte),
        ["1 MB of one word without spaces"] = () => Repeat("good", Megabyte),
        ["100,000 exclamation marks"] = () => new string('!', 100_000),
        ["100,000 exclamation marks after a word"] = () => "good" + new string('!', 100_000),
        ["50,000 negations in a row"] = () => Repeat("not ", 200_000) + "good",
        ["50,000 negations without spaces"] = () => Repeat("n't", 150_000) + " good",
        ["a token of 100,000 letters"] = () => new string('x', 100_000),
        ["a token of 100,000 letters of a word"] = () => Repeat("love", 100_000),
        ["a hashtag of 100,000 letters"] = () => "#" + Repeat("terrible", 100_000),
        ["a combining stack of 1,000"] = () => "g" + new string('\u0301', 1_000) + "ood",
        ["a thousand combining stacks of 1,000"] = () => Repeat("a" + new string('\u0301', 1_000) + " ", 1_001_000),
        ["a ZWJ run of 100,000"] = () => Repeat("👨\u200D", 300_000),
        ["every control character"] = Controls,
        ["lone surrogates only"] = () => Repeat("\uD800", 1_000) + Repeat("\uDC00", 1_000),
        ["a trailing lone high surrogate"] = () => "good \uD83D",
        ["a leading lone low surrogate"] = () => "\uDE00 bad",
        ["an empty text"] = () => string.Empty,
        ["white space only"] = () => "\u00A0\u2028\u3000 \t\r\n",
        ["one BOM"] = () => "\uFEFF",
    };

    public static TheoryData<string> NamedCases => [.. Named.Keys];

    [Theory]
    [MemberData(nameof(NamedCases))]
    public void NamedHostileText_IsAnalyzedInRangeInEveryLanguage(string name) => AnalyzeEverywhere(Named[name]());

    [Fact]
    public void EveryCodePointInSequence_IsAnalyzedInRange()
    {
        var builder = new StringBuilder(2 * 0x110000);
        for (var value = 0; value <= 0x10FFFF; value++)
        {
            builder.Append(value is >= 0xD800 and <= 0xDFFF ? ((char)value).ToString() : char.ConvertFromUtf32(value));
        }

        var text = builder.ToString();
        AnalyzeEverywhere(text);

        // Every Unicode block alone, with a word of feeling inside so the rules run over it.
        for (var block = 0; block < 0x110000; block += 0x100)
        {
            var piece = builder.ToString(Offset(block), Offset(block + 0x100) - Offset(block));
            AssertSentimentInRange(Sentiment.Analyze("terrible " + piece + " great", "en"));
            AssertIntentsInRange(Intents.Detect("@acme " + piece + " still waiting", TextLanguage.FromTag("en"), Addressed));
            AssertDetectionInRange(LanguageDetector.Shared.Detect(piece + " the and of"));
        }
    }

    [Theory]
    [MemberData(nameof(PieceNames))]
    public void ARepeatedPiece_IsAnalyzedInRangeWithLinearWork(string piece)
    {
        var half = Repeat(Pieces[piece], Scale * 64 * 1024);
        var full = Repeat(Pieces[piece], Scale * 128 * 1024);
        AnalyzeEverywhere(full);

        AssertLinear("sentiment, English", half, full, text => AssertSentimentInRange(Sentiment.Analyze(text, "en")));
        AssertLinear("sentiment, untagged", half, full, text => AssertSentimentInRange(Sentiment.Analyze(text)));
        AssertLinear("sentiment, German", half, full, text => AssertSentimentInRange(Sentiment.Analyze(text, "de")));
        AssertLinear("intents", half, full, text => AssertIntentsInRange(Intents.Detect(text, TextLanguage.FromTag("en"), Addressed)));
        AssertLinear("intents, rules only", half, full, text => AssertIntentsInRange(RuleIntents.Detect(text, "en")));
        AssertLinear("language", half, full, text => AssertDetectionInRange(LanguageDetector.Shared.Detect(text)));
    }

    [Theory]
    [InlineData("but ")]
    [InlineData("! ")]
    [InlineData("very ")]
    [InlineData("👨\u200D")]
    [InlineData("\u0301")]
    public void APieceBeforeAndAfterAWordOfFeeling_KeepsTheScoreFiniteAndSigned(string piece)
    {
        // However long the run around it, one word of feeling gives a score of its sign or a neutral one, never NaN.
        foreach (var length in new[] { 1, 10, 1_000, 100_000 })
        {
            var padding = Repeat(piece, length);
            var around = Sentiment.Analyze(padding + " terrible " + padding, "en");
            AssertSentimentInRange(around);
            Assert.True(around.Compound <= 0.05, $"{around} for '{piece}' × {length} around 'terrible'");
        }
    }

    [Fact]
    public void TheSameHostileText_GivesTheSameResultTwice()
    {
        // No state of one call leaks into the next (pooled buffers are returned and cleared of meaning).
        var texts = Pieces.Values.Select(p => Repeat(p, 5_000)).ToArray();
        var first = texts.Select(t => (Sentiment.Analyze(t, "en"), Describe(Intents.Detect(t, "en")), LanguageDetector.Shared.Detect(t))).ToArray();
        var again = texts.Reverse().Select(t => (Sentiment.Analyze(t, "en"), Describe(Intents.Detect(t, "en")), LanguageDetector.Shared.Detect(t))).Reverse().ToArray();
        Assert.Equal(first, again);
    }

    private static void AnalyzeEverywhere(string text)
    {
        foreach (var language in text.Length < LongText ? Languages : Languages[..3])
        {
            AssertSentimentInRange(Sentiment.Analyze(text, language));
            AssertIntentsInRange(Intents.Detect(text, language));
            AssertIntentsInRange(RuleIntents.Detect(text, TextLanguage.FromTag(language), Addressed));
        }

        AssertSentimentInRange(Sentiment.Analyze(text, TextLanguage.Detected(null, 0)));
        AssertDetectionInRange(LanguageDetector.Shared.Detect(text));
        var read = LanguageDetector.Shared.Read(text, null);
        Assert.InRange(read.Confidence, 0, 1);
    }

    private static void AssertSentimentInRange(SentimentScore score)
    {
        Assert.True(double.IsFinite(score.Compound) && score.Compound is >= -1 and <= 1, $"compound {score.Compound}");
        Assert.True(double.IsFinite(score.Confidence) && score.Confidence is >= 0 and <= 1, $"confidence {score.Confidence}");
        var expected = score.Compound >= SentimentOptions.DefaultNeutralThreshold ? SentimentLabel.Positive
            : score.Compound <= -SentimentOptions.DefaultNeutralThreshold ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        Assert.Equal(expected, score.Label);
    }

    private static void AssertIntentsInRange(IReadOnlyList<IntentHit> hits)
    {
        foreach (var hit in hits)
        {
            Assert.True(Enum.IsDefined(hit.Label), $"label {hit.Label}");
            Assert.True(double.IsFinite(hit.Confidence) && hit.Confidence is > 0 and <= 1, $"{hit.Label} confidence {hit.Confidence}");
            Assert.NotNull(hit.Phrase);
        }

        Assert.Equal(hits.Count, hits.Select(h => h.Label).Distinct().Count());
    }

    private static void AssertDetectionInRange(DetectedLanguage detected)
    {
        Assert.True(double.IsFinite(detected.Confidence) && detected.Confidence is >= 0 and <= 1, $"confidence {detected.Confidence}");
        Assert.True(detected.Language is null or "en" or "de" or "es" or "fr" or "pt", $"language {detected.Language}");
    }

    // Runs the call on the half text and on the full one, each twice keeping the smaller count (a pooled buffer dropped
    // by a collection in between is rented again, which is not work per character), and bounds the full by the half.
    private static void AssertLinear(string what, string half, string full, Action<string> call)
    {
        call(full);
        var halfBytes = Math.Min(Allocated(() => call(half)), Allocated(() => call(half)));
        var fullBytes = Math.Min(Allocated(() => call(full)), Allocated(() => call(full)));
        Assert.True(
            fullBytes <= 2 * Slack * Math.Max(halfBytes, FixedBytes),
            $"{what}: {halfBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes for {half.Length} chars, {fullBytes.ToString("N0", CultureInfo.InvariantCulture)} for {full.Length}");
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Describe(IReadOnlyList<IntentHit> hits) =>
        string.Join(";", hits.Select(h => $"{h.Label}:{h.Phrase}:{h.Confidence.ToString("R", CultureInfo.InvariantCulture)}"));

    // The UTF-16 offset of a code point in the text of every code point in sequence.
    private static int Offset(int codePoint) => codePoint <= 0xFFFF ? codePoint : 0x10000 + (2 * (codePoint - 0x10000));

    private static string Controls()
    {
        var builder = new StringBuilder();
        for (var c = 0; c <= 0x9F; c++)
        {
            if (char.IsControl((char)c))
            {
                builder.Append((char)c).Append("bad");
            }
        }

        return builder.Append('\u061C').Append('\u200E').Append('\u200F').ToString();
    }

    // Words of the built-in lexicon in a fixed pseudo-random order, the most and the least rated among them.
    private static string LexiconWords()
    {
        var random = new Random(14);
        var words = LexiconSentimentAnalyzer.BuiltInLexicon.Keys.OrderBy(w => w, StringComparer.Ordinal).ToArray();
        var separators = new[] { " ", " ", ", ", ". ", "! ", "? ", " but ", " not ", " very ", " 🙃 " };
        var builder = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            builder.Append(words[random.Next(words.Length)]).Append(separators[random.Next(separators.Length)]);
        }

        return builder.ToString();
    }

    // The piece repeated up to a length of about size characters.
    private static string Repeat(string piece, int size)
    {
        var builder = new StringBuilder(size + piece.Length);
        while (builder.Length < size)
        {
            builder.Append(piece);
        }

        return builder.ToString();
    }
}
