using BenchmarkDotNet.Attributes;
using Monitro.Analysis;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// The cost per post of reading its signals (sentiment and intents) on a realistic feed: most posts carry a language
/// tag from their platform, a quarter do not (RSS, Hacker News, Reddit), and a quarter are in German, Spanish, French
/// or Portuguese. The baseline is the old behaviour: every post read with the English rules, tags ignored, no language
/// detected, no per-language intent phrases (<see cref="SentimentOptions.DetectLanguage"/> off, intents read as
/// English). The other case is the pipeline's reading today: the tag trusted, the language of an untagged post detected
/// once and passed to both analyzers.
/// </summary>
[MemoryDiagnoser]
public class PostSignalsBenchmarks
{
    // Twelve tagged, four untagged; twelve English, four in other languages.
    private static readonly (string Text, string? Tag)[] Feed = AnalysisFeed.Posts;

    private readonly RuleIntentDetector _intents = new();
    private LexiconSentimentAnalyzer _englishOnly = null!;
    private LexiconSentimentAnalyzer _default = null!;

    [GlobalSetup]
    public void Setup()
    {
        _englishOnly = new LexiconSentimentAnalyzer(new SentimentOptions { DetectLanguage = false });
        _default = new LexiconSentimentAnalyzer();

        // Load the lexicons, phrase lists and word lists before measuring.
        foreach (var (text, tag) in Feed)
        {
            OldBehaviour(text);
            Today(text, tag);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    public double EnglishRulesForEveryPost()
    {
        var sum = 0.0;
        foreach (var (text, _) in Feed)
        {
            sum += OldBehaviour(text);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public double TagTrustedOrDetectedOnce()
    {
        var sum = 0.0;
        foreach (var (text, tag) in Feed)
        {
            sum += Today(text, tag);
        }

        return sum;
    }

    private double OldBehaviour(string text) => _englishOnly.Analyze(text, "en").Compound + _intents.Detect(text, "en").Count;

    private double Today(string text, string? tag)
    {
        var language = LanguageDetector.Shared.Read(text, tag);
        return _default.Analyze(text, language).Compound + _intents.Detect(text, language).Count;
    }
}
