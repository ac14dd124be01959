using BenchmarkDotNet.Attributes;
using Monitro.Analysis;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// Cost per post of the sentiment analyzer. The baseline is the reading Monitro had before other languages and
/// language detection (English rules for every post, <c>DetectLanguage = false</c>) on English posts tagged
/// <c>en</c>; the other cases add tagged posts in other languages and untagged posts whose language is detected.
/// </summary>
[MemoryDiagnoser]
public class SentimentAnalyzerBenchmarks
{
    private static readonly string[] English =
    [
        "we're moving the team off Acme at the end of the quarter. support never got back to us lol 🙃",
        "Acme support fixed my issue in 10 minutes, amazing service!",
        "the new release is really fast but sync broke again",
        "still waiting on a reply from support, day 4",
        "honestly the new editor is so good, can't recommend it enough",
        "anyone using Acme boards for remote teams?",
        "SKYPE NEEDS TO DIE IN A FIRE.",
        "not bad at all, the onboarding is actually smooth :)",
    ];

    private static readonly string[] Others =
    [
        "Die App stürzt schon wieder ab, echt nervig",
        "Der Support hat mir sofort geholfen, klasse",
        "El servicio al cliente es pésimo, nadie contesta",
        "Me encanta la nueva versión, muy rápida",
        "Le support m'a aidé tout de suite, génial",
        "Encore une panne, j'en ai marre",
        "O atendimento é péssimo, ninguém responde",
        "A nova versão ficou ótima, parabéns",
    ];

    private static readonly string[] OtherTags = ["de", "de", "es", "es", "fr", "fr", "pt", "pt"];

    private LexiconSentimentAnalyzer _englishOnly = null!;
    private LexiconSentimentAnalyzer _default = null!;

    [GlobalSetup]
    public void Setup()
    {
        _englishOnly = new LexiconSentimentAnalyzer(new SentimentOptions { DetectLanguage = false });
        _default = new LexiconSentimentAnalyzer();

        // Load the lexicons and the detector's models before measuring.
        _default.Analyze(Others[0]);
        _default.Analyze(Others[0], "de");
        _englishOnly.Analyze(English[0], "en");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 8)]
    public double EnglishTagged_EnglishRulesOnly() => Sum(_englishOnly, English, "en");

    [Benchmark(OperationsPerInvoke = 8)]
    public double EnglishTagged() => Sum(_default, English, "en");

    [Benchmark(OperationsPerInvoke = 8)]
    public double OtherLanguagesTagged()
    {
        var sum = 0.0;
        for (var i = 0; i < Others.Length; i++)
        {
            sum += _default.Analyze(Others[i], OtherTags[i]).Compound;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 8)]
    public double EnglishUntagged_Detected() => Sum(_default, English, null);

    [Benchmark(OperationsPerInvoke = 8)]
    public double OtherLanguagesUntagged_Detected() => Sum(_default, Others, null);

    private static double Sum(LexiconSentimentAnalyzer analyzer, string[] posts, string? language)
    {
        var sum = 0.0;
        foreach (var post in posts)
        {
            sum += analyzer.Analyze(post, language).Compound;
        }

        return sum;
    }
}
