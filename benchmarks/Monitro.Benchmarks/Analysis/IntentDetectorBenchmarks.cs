using BenchmarkDotNet.Attributes;
using Monitro.Analysis;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// The cost of finding the intents of one post, against the baseline of lower-casing it (one pass over the text and
/// one allocation, the least any phrase matcher does). The ratio to the baseline compares detectors measured in
/// different runs, such as the detector before and after a change of its rules. `Detect` reads with the rules
/// alone, `DetectWithLearnedModels` with the learned complaint and churn models too (the default).
/// </summary>
[MemoryDiagnoser]
public class IntentDetectorBenchmarks
{
    // Short posts of the kinds the detector meets: complaints, churn, questions, praise, hiring, neutral chatter.
    private static readonly string[] Posts =
    [
        "@Telvia my internet has been down since 6am and nobody can tell me why",
        "why is my order still not here? it said next day delivery",
        "@SkyRouteAir still waiting on my compensation claim from August",
        "So they cut off my landline by mistake and now want to charge me to reconnect it. love that for me",
        "we're moving the team off Tidewell at the end of the quarter. support never got back to us",
        "giving Tidewell one more month. if the sync bugs aren't fixed we're gone",
        "@NorthBank how do I dispute a transaction on my credit card?",
        "Looking for a good robot vacuum under £300, what do people recommend?",
        "tidewell fixed the bug i reported in under 48 hours and emailed me personally. that's how you keep customers",
        "We're hiring! Tidewell is looking for a senior backend engineer, remote in Europe",
        "@jamie_codes you should try Tidewell for your side project, the free plan is plenty",
        "Tidewell releases version 5.2 with timeline view",
        "Just landed in Lisbon, the airport lounge has surprisingly good coffee and the wifi works fine",
        "officially a Tidewell customer now. the nonprofit discount sealed it",
        "No. WTF @ShopMarket, another bill with charges I never agreed to",
        "Reading about how airlines handle complaints for my dissertation, interesting stuff so far",
    ];

    private readonly RuleIntentDetector _detector = new(new RuleIntentDetectorOptions { UseLearnedComplaintModel = false, UseLearnedChurnModel = false });
    private readonly RuleIntentDetector _learned = new();

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    public int LowerCase()
    {
        var total = 0;
        foreach (var post in Posts)
        {
            total += post.ToLowerInvariant().Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public int Detect()
    {
        var total = 0;
        foreach (var post in Posts)
        {
            total += _detector.Detect(post, "en").Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public int DetectWithLearnedModels()
    {
        var total = 0;
        foreach (var post in Posts)
        {
            total += _learned.Detect(post, "en").Count;
        }

        return total;
    }
}
