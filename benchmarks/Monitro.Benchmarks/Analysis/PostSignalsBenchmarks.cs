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
    // Sixteen posts: twelve tagged, four untagged; twelve English, four in other languages.
    private static readonly (string Text, string? Tag)[] Feed =
    [
        ("we're moving the team off Acme at the end of the quarter. support never got back to us lol 🙃", "en"),
        ("Acme support fixed my issue in 10 minutes, amazing service!", "en"),
        ("the new release is really fast but sync broke again", "en"),
        ("still waiting on a reply from support, day 4. great.", "en"),
        ("honestly the new editor is so good, can't recommend it enough #winning", "en"),
        ("anyone using Acme boards for remote teams?", "en"),
        ("SKYPE NEEDS TO DIE IN A FIRE.", "en"),
        ("not bad at all, the onboarding is actually smooth :)", "en"),
        ("Die App stürzt schon wieder ab, echt nervig", "de"),
        ("¿Cómo puedo cambiar mi plan? La factura está mal otra vez", "es"),
        ("Je vais résilier mon abonnement, toujours pas de réseau", "fr"),
        ("O atendimento é péssimo, ninguém responde", "pt"),
        ("Show HN: a tiny CLI that turns Acme exports into spreadsheets", null),
        ("Outage again. Third time this month. #epicfail", null),
        ("Thanks @acme, refund arrived today 👍", null),
        ("Le support m'a aidé tout de suite, merci, c'est génial", null),
    ];

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
