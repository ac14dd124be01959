using BenchmarkDotNet.Attributes;
using Monitro.Analysis;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// The cost per post of reading the signals of untagged posts, sentiment and intents together, as the pipeline's
/// enrichment step does. The baseline is the reading before language detection: both analyzers read every untagged
/// post with the English rules (<see cref="SentimentOptions.DetectLanguage"/> off). The other cases detect the
/// language once and pass it to both analyzers (the pipeline today), or let the sentiment analyzer detect it on its
/// own while the intent detector reads English (the previous release).
/// </summary>
[MemoryDiagnoser]
public class PostAnalysisBenchmarks
{
    // Untagged posts as RSS, Hacker News and Reddit deliver them: mostly English, some in the other languages; short
    // and long, some with few function words.
    private static readonly string[] Posts =
    [
        "we're moving the team off Acme at the end of the quarter. support never got back to us lol 🙃",
        "Acme support fixed my issue in 10 minutes, amazing service!",
        "the new release is really fast but sync broke again",
        "still waiting on a reply from support, day 4",
        "honestly the new editor is so good, can't recommend it enough",
        "anyone using Acme boards for remote teams?",
        "SKYPE NEEDS TO DIE IN A FIRE.",
        "not bad at all, the onboarding is actually smooth :)",
        "Show HN: a tiny CLI that turns Acme exports into spreadsheets",
        "Outage again. Third time this month.",
        "Die App stürzt schon wieder ab, echt nervig",
        "El servicio al cliente es pésimo, nadie contesta",
        "Le support m'a aidé tout de suite, génial",
        "O atendimento é péssimo, ninguém responde",
        "Thanks @acme, refund arrived today 👍",
        "Acme pricing page finally lists the enterprise tier, nice",
    ];

    private readonly RuleIntentDetector _intents = new();
    private LexiconSentimentAnalyzer _englishOnly = null!;
    private LexiconSentimentAnalyzer _default = null!;

    [GlobalSetup]
    public void Setup()
    {
        _englishOnly = new LexiconSentimentAnalyzer(new SentimentOptions { DetectLanguage = false });
        _default = new LexiconSentimentAnalyzer();

        // Load the lexicons (and the detector's models, should a post need them) before measuring.
        foreach (var post in Posts)
        {
            _default.Analyze(post);
            _englishOnly.Analyze(post);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    public double EnglishRulesForEveryPost()
    {
        var sum = 0.0;
        foreach (var post in Posts)
        {
            sum += _englishOnly.Analyze(post).Compound + _intents.Detect(post).Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public double DetectedOnceForBoth()
    {
        var sum = 0.0;
        foreach (var post in Posts)
        {
            var language = LanguageDetector.Shared.Read(post, null);
            sum += _default.Analyze(post, language).Compound + _intents.Detect(post, language).Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public double DetectedBySentimentOnly()
    {
        var sum = 0.0;
        foreach (var post in Posts)
        {
            sum += _default.Analyze(post).Compound + _intents.Detect(post).Count;
        }

        return sum;
    }
}
