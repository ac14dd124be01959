using BenchmarkDotNet.Attributes;
using Monitro.Analysis;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// The cost per post of reading sentiment and intents, against the analyzers Monitro had before the work on real posts
/// began (built by <c>benchmarks/analysis-baseline.sh</c> and loaded beside today's), in the same run: the richer
/// analysis may cost at most twice as much per post. On a loaded machine the minimum of the iterations (the least
/// preempted) is the steadier figure to compare. The posts are the mixed feed of <see cref="PostSignalsBenchmarks"/>:
/// the baseline reads every post with its English rules, as it did; today's analyzers read English posts tagged
/// <c>en</c>, or the feed as the pipeline does (the tag trusted, an untagged post's language detected once).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[Config(typeof(BaselineAvailable))]
public class AnalyzerBaselineBenchmarks
{
    private static readonly (string Text, string? Tag)[] Feed = AnalysisFeed.Posts;

    private readonly RuleIntentDetector _intents = new();
    private readonly LexiconSentimentAnalyzer _sentiment = new();
    private BaselineAnalyzers _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _baseline = BaselineAnalyzers.Load();

        // Load the lexicons, phrase lists and word lists of both before measuring.
        _ = Baseline();
        _ = EnglishTagged();
        _ = Pipeline();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    public double Baseline()
    {
        var sum = 0.0;
        foreach (var (text, _) in Feed)
        {
            sum += _baseline.Compound(text) + _baseline.IntentCount(text);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public double EnglishTagged()
    {
        var sum = 0.0;
        foreach (var (text, _) in Feed)
        {
            sum += _sentiment.Analyze(text, "en").Compound + _intents.Detect(text, "en").Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public double Pipeline()
    {
        var sum = 0.0;
        foreach (var (text, tag) in Feed)
        {
            var language = LanguageDetector.Shared.Read(text, tag);
            sum += _sentiment.Analyze(text, language).Compound + _intents.Detect(text, language).Count;
        }

        return sum;
    }

    /// <summary>Runs these benchmarks only when the baseline analyzers were built, and says why otherwise.</summary>
    public sealed class BaselineAvailable() : OptionalBaselineConfig(() => BaselineAnalyzers.IsAvailable, () => BaselineAnalyzers.SkipReason);
}
