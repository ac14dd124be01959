using BenchmarkDotNet.Attributes;
using Monitro.Analysis;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// The cost per post of reading sentiment and intents, against the analyzers Monitro had before the work on real posts
/// began (built by <c>benchmarks/analysis-baseline.sh</c> and loaded beside today's), in the same run: the richer
/// analysis may cost at most twice as much per post.
/// </summary>
/// <remarks>
/// An operation reads 1,024 posts, so that a few posts the one or the other side handles unusually fast or slowly do not
/// decide the ratio: the 16 posts of <see cref="AnalysisFeed"/>, 752 English posts spread over the project's evaluation
/// sets of tweets and customer-care posts, and 256 German, Spanish, French and Portuguese tweets (<see cref="AnalysisSample"/>);
/// about a quarter of them carry no language tag. The set-up reads the whole feed with every case several times, so both
/// sides' code is compiled optimized before the first measurement. The baseline reads every post with its English rules,
/// as it did; <see cref="EnglishTagged"/> reads every post with today's analyzers tagged <c>en</c>; <see cref="Pipeline"/>
/// reads the feed as the pipeline does (the tag trusted, an untagged post's language detected once and passed to both).
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[Config(typeof(BaselineAvailable))]
public class AnalyzerBaselineBenchmarks
{
    /// <summary>The posts an operation reads.</summary>
    public const int PostsPerOperation = 1_024;

    private const int EnglishSamplePosts = 752;
    private const int OtherLanguageSamplePosts = 256;
    private const int WarmUpReadings = 5;

    private readonly RuleIntentDetector _intents = new();
    private readonly LexiconSentimentAnalyzer _sentiment = new();
    private (string Text, string? Tag)[] _feed = [];
    private BaselineAnalyzers _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _baseline = BaselineAnalyzers.Load();
        var sample = AnalysisSample.TryLoad(EnglishSamplePosts, OtherLanguageSamplePosts) ?? throw new InvalidOperationException(AnalysisSample.MissingReason);
        _feed = [.. AnalysisFeed.Posts, .. sample];
        if (_feed.Length != PostsPerOperation)
        {
            throw new InvalidOperationException($"The feed has {_feed.Length} posts; an operation is counted as {PostsPerOperation}.");
        }

        // Load the lexicons, phrase lists and word lists of both, and let the runtime compile both sides' code optimized.
        for (var i = 0; i < WarmUpReadings; i++)
        {
            _ = Baseline();
            _ = EnglishTagged();
            _ = Pipeline();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PostsPerOperation)]
    public double Baseline()
    {
        var sum = 0.0;
        foreach (var (text, _) in _feed)
        {
            sum += _baseline.Compound(text) + _baseline.IntentCount(text);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = PostsPerOperation)]
    public double EnglishTagged()
    {
        var sum = 0.0;
        foreach (var (text, _) in _feed)
        {
            sum += _sentiment.Analyze(text, "en").Compound + _intents.Detect(text, "en").Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = PostsPerOperation)]
    public double Pipeline()
    {
        var sum = 0.0;
        foreach (var (text, tag) in _feed)
        {
            var language = LanguageDetector.Shared.Read(text, tag);
            sum += _sentiment.Analyze(text, language).Compound + _intents.Detect(text, language).Count;
        }

        return sum;
    }

    /// <summary>Runs these benchmarks only when the baseline analyzers were built, and says why otherwise.</summary>
    public sealed class BaselineAvailable() : OptionalBaselineConfig(() => BaselineAnalyzers.IsAvailable, () => BaselineAnalyzers.SkipReason);
}
