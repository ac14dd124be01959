using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Monitro.Analysis;
using Monitro.Testing;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// The <c>analysis</c> process mode: the analyzers' cost per post on the feed of <see cref="AnalysisSample"/>, today's
/// against the baseline analyzers of <see cref="BaselineAnalyzers"/> in the same process, with sentiment and intents
/// also measured apart. The cases take turns, one pass over the whole feed each, for many rounds, after warm-up passes
/// that let the runtime optimize both sides; each pass is timed by this thread's own processor time, so time the core
/// spent on other processes is not counted. Reported: each case's median and least time per post, its ratio to the
/// baseline's pass of the same round (median, min–max over the rounds), and what it allocates per post (exact).
/// With <c>--dump FILE</c> it measures nothing and writes what the analyzers say (score, label, confidence, each intent
/// with its phrase and confidence) about every post of the evaluation sets and generated hostile text, read with its
/// language and untagged: run it with two builds of <c>Monitro.dll</c> and compare the files to show that a change to
/// the analyzers' machinery changes no reading.
/// </summary>
internal static partial class AnalysisCost
{
    private const string Usage = "usage: analysis [--rounds N] [--warmup N] [--english N] [--other N] [--only CASE[,CASE...]] [--split] | analysis --dump FILE";

    public static int Run(string[] args)
    {
        var rounds = 30;
        var warmup = 10;
        var englishPosts = 4_000;
        var otherPosts = 1_000;
        var only = string.Empty;
        var split = false;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--split")
            {
                // Where the pipeline's pass goes, group by group (AnalysisSplit), instead of the cases.
                split = true;
                i--;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            if (args[i] == "--dump")
            {
                return Dump(args[i + 1]);
            }

            if (args[i] == "--only")
            {
                // Only the cases named (for a profiler: the baseline's methods have today's names).
                only = args[i + 1];
                continue;
            }

            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--rounds": rounds = value; break;
                case "--warmup": warmup = value; break;
                case "--english": englishPosts = value; break;
                case "--other": otherPosts = value; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var feed = AnalysisSample.TryLoad(englishPosts, otherPosts);
        if (feed is null)
        {
            Console.Error.WriteLine(AnalysisSample.MissingReason);
            return 2;
        }

        if (split)
        {
            AnalysisSplit.Run(feed, rounds, warmup);
            return 0;
        }

        var sentiment = new LexiconSentimentAnalyzer();
        var intents = new RuleIntentDetector();
        var baseline = BaselineAnalyzers.IsAvailable ? BaselineAnalyzers.Load() : null;
        var cases = new List<(string Name, Func<double> Pass)>();
        if (baseline is not null)
        {
            cases.Add(("baseline: sentiment + intents", () => Sum(feed, t => baseline.Compound(t) + baseline.IntentCount(t))));
            cases.Add(("baseline: sentiment", () => Sum(feed, baseline.Compound)));
            cases.Add(("baseline: intents", () => Sum(feed, t => baseline.IntentCount(t))));
        }
        else
        {
            Console.WriteLine("// " + BaselineAnalyzers.SkipReason);
        }

        cases.Add(("en: sentiment + intents", () => Sum(feed, t => sentiment.Analyze(t, "en").Compound + intents.Detect(t, "en").Count)));
        cases.Add(("en: sentiment", () => Sum(feed, t => sentiment.Analyze(t, "en").Compound)));
        cases.Add(("en: intents", () => Sum(feed, t => intents.Detect(t, "en").Count)));
        cases.Add(("pipeline: sentiment + intents", () =>
        {
            var sum = 0.0;
            foreach (var (text, tag) in feed)
            {
                var language = LanguageDetector.Shared.Read(text, tag);
                sum += sentiment.Analyze(text, language).Compound + intents.Detect(text, language).Count;
            }

            return sum;
        }));

        if (only.Length > 0)
        {
            cases.RemoveAll(c => !only.Split(',').Contains(c.Name));
        }
        Console.WriteLine($"feed: {feed.Length:N0} posts ({feed.Count(p => p.Tag == "en"):N0} tagged en, {feed.Count(p => p.Tag is not null and not "en"):N0} tagged de/es/fr/pt, {feed.Count(p => p.Tag is null):N0} untagged); {rounds} rounds after {warmup} warm-up passes");
        var checksum = 0.0;
        for (var w = 0; w < warmup; w++)
        {
            foreach (var (_, pass) in cases)
            {
                checksum += pass();
            }
        }

        var allocated = new long[cases.Count];
        for (var c = 0; c < cases.Count; c++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            checksum += cases[c].Pass();
            allocated[c] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var nanoseconds = new long[cases.Count, rounds];
        for (var r = 0; r < rounds; r++)
        {
            // Each round starts with another case, so no case always follows the same one.
            for (var k = 0; k < cases.Count; k++)
            {
                var c = (r + k) % cases.Count;
                var start = ThreadCpuNanoseconds();
                checksum += cases[c].Pass();
                nanoseconds[c, r] = ThreadCpuNanoseconds() - start;
            }
        }

        Console.WriteLine($"{"case",-32} {"median µs/post",15} {"min µs/post",12} {"ratio to baseline, median (min–max)",38} {"B/post",8}");
        for (var c = 0; c < cases.Count; c++)
        {
            var perPost = Enumerable.Range(0, rounds).Select(r => nanoseconds[c, r] / 1000.0 / feed.Length).Order().ToArray();
            var ratio = "";
            var part = cases[c].Name[(cases[c].Name.IndexOf(':', StringComparison.Ordinal) + 2)..];
            var reference = cases.FindIndex(other => other.Name == "baseline: " + part);
            if (reference >= 0 && reference != c)
            {
                var ratios = Enumerable.Range(0, rounds).Select(r => (double)nanoseconds[c, r] / nanoseconds[reference, r]).Order().ToArray();
                ratio = $"{ratios[rounds / 2]:F2} ({ratios[0]:F2}–{ratios[^1]:F2})";
            }

            Console.WriteLine($"{cases[c].Name,-32} {perPost[rounds / 2],15:F2} {perPost[0],12:F2} {ratio,38} {(double)allocated[c] / feed.Length,8:F1}");
        }

        Console.WriteLine($"checksum {checksum:F3}");
        return 0;
    }

    private static int Dump(string path)
    {
        var sentiment = new LexiconSentimentAnalyzer();
        var intents = new RuleIntentDetector();
        var posts = AnalysisDifferentialTexts.EvaluationPosts().Concat(AnalysisDifferentialTexts.Hostile(6_000, seed: 14).Select(text => (Text: text, Language: "en")));
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var line = new StringBuilder();
        var count = 0;
        foreach (var (text, tag) in posts)
        {
            foreach (var language in new[] { TextLanguage.FromTag(tag), LanguageDetector.Shared.Read(text, null) })
            {
                var score = sentiment.Analyze(text, language);
                line.Clear().Append(CultureInfo.InvariantCulture, $"{count}\t{language.Code}\t{score.Compound:R}\t{score.Label}\t{score.Confidence:R}");
                foreach (var hit in intents.Detect(text, language))
                {
                    line.Append(CultureInfo.InvariantCulture, $"\t{hit.Label}|{hit.Phrase}|{hit.Confidence:R}");
                }

                writer.WriteLine(line.Replace('\n', ' ').ToString());
            }

            count++;
        }

        Console.WriteLine($"{count:N0} texts read with their language and untagged: {path}");
        return 0;
    }

    private static double Sum(IEnumerable<(string Text, string? Tag)> feed, Func<string, double> read)
    {
        var sum = 0.0;
        foreach (var (text, _) in feed)
        {
            sum += read(text);
        }

        return sum;
    }

    /// <summary>This thread's processor time in nanoseconds (Linux): preemption by other processes is not counted.</summary>
    /// <returns>The time.</returns>
    internal static long ThreadCpuNanoseconds()
    {
        const int ThreadCpuClock = 3;
        if (ClockGetTime(ThreadCpuClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed; the analysis mode runs on Linux.");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
