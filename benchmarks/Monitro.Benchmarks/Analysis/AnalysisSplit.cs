using System.Globalization;
using Monitro.Analysis;
using Monitro.Analysis.Languages;

namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// <c>analysis --split</c>: where the pipeline's reading of the feed spends its time. The feed's posts are grouped by
/// what the pipeline does with them: an untagged post's detection by the step of <see cref="LanguageDetector"/> that
/// decided it (function words, too short, the statistical models), and every post's sentiment and intents by the
/// language it is read in (tagged or detected). Each group is read alone, pass after pass, timed by the thread's own
/// processor time; reported per call, per post of the feed (the group's share of a pipeline pass), and the bytes it
/// allocates per call. The statistical models' calls are also timed one by one.
/// </summary>
internal static class AnalysisSplit
{
    public static void Run((string Text, string? Tag)[] feed, int rounds, int warmup)
    {
        var sentiment = new LexiconSentimentAnalyzer();
        var intents = new RuleIntentDetector();
        var groups = new List<(string Name, (string Text, TextLanguage Language)[] Posts, Func<string, TextLanguage, double> Read)>();

        var untagged = feed.Where(post => LanguageTags.Primary(post.Tag) is null).Select(post => post.Text).ToArray();
        var steps = untagged.GroupBy(text => Step(text)).OrderBy(group => group.Key);
        foreach (var step in steps)
        {
            groups.Add(($"detect: {step.Key}", [.. step.Select(text => (text, default(TextLanguage)))], (text, _) => LanguageDetector.Shared.Detect(text).Confidence));
        }

        var read = feed.Select(post => (post.Text, Language: LanguageDetector.Shared.Read(post.Text, post.Tag))).ToArray();
        foreach (var language in read.GroupBy(post => Describe(post.Language)).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var posts = language.ToArray();
            groups.Add(($"sentiment: {language.Key}", posts, (text, lang) => sentiment.Analyze(text, lang).Compound));
            groups.Add(($"intents: {language.Key}", posts, (text, lang) => intents.Detect(text, lang).Count));
        }

        Console.WriteLine($"split: {feed.Length:N0} posts, {untagged.Length:N0} untagged; {rounds} rounds after {warmup} warm-up passes");
        var checksum = 0.0;
        for (var w = 0; w < warmup; w++)
        {
            foreach (var group in groups)
            {
                checksum += Pass(group.Posts, group.Read);
            }
        }

        var perCall = new double[groups.Count, rounds];
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < groups.Count; k++)
            {
                var g = (r + k) % groups.Count;
                var start = AnalysisCost.ThreadCpuNanoseconds();
                checksum += Pass(groups[g].Posts, groups[g].Read);
                perCall[g, r] = (AnalysisCost.ThreadCpuNanoseconds() - start) / 1000.0 / groups[g].Posts.Length;
            }
        }

        Console.WriteLine($"{"group",-40} {"posts",6} {"median µs/call",15} {"min µs/call",12} {"µs per feed post",17} {"B/call",9}");
        var total = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            var sorted = Enumerable.Range(0, rounds).Select(r => perCall[g, r]).Order().ToArray();
            var before = GC.GetAllocatedBytesForCurrentThread();
            checksum += Pass(groups[g].Posts, groups[g].Read);
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)groups[g].Posts.Length;
            var share = sorted[rounds / 2] * groups[g].Posts.Length / feed.Length;
            total += share;
            Console.WriteLine($"{groups[g].Name,-40} {groups[g].Posts.Length,6} {sorted[rounds / 2],15:F2} {sorted[0],12:F2} {share,17:F3} {allocated,9:F1}");
        }

        Console.WriteLine($"{"pipeline pass (sum of the groups)",-40} {feed.Length,6} {"",15} {"",12} {total,17:F3}");
        ModelCalls(untagged, ref checksum);
        Console.WriteLine($"checksum {checksum.ToString("F3", CultureInfo.InvariantCulture)}");
    }

    // Each call of the statistical models alone: they are costly enough for the clock's own cost not to matter.
    private static void ModelCalls(string[] untagged, ref double checksum)
    {
        var models = untagged.Where(text => Step(text) == DetectionStep.Models).ToArray();
        if (models.Length == 0)
        {
            return;
        }

        Console.WriteLine($"statistical models: {models.Length} posts of {untagged.Length} untagged; each call (µs, least of 5) and its answer:");
        foreach (var text in models)
        {
            var least = long.MaxValue;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var detected = DetectedLanguage.Unknown;
            for (var i = 0; i < 5; i++)
            {
                var start = AnalysisCost.ThreadCpuNanoseconds();
                detected = LanguageDetector.Shared.Detect(text);
                least = Math.Min(least, AnalysisCost.ThreadCpuNanoseconds() - start);
            }

            checksum += detected.Confidence;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 5;
            var shown = text.Length > 90 ? text[..90] + "…" : text;
            Console.WriteLine($"  {least / 1000.0,8:F1} µs {allocated,7:N0} B  {detected.Language ?? "unknown",-7} {detected.Confidence:F2}  {shown.ReplaceLineEndings(" ")}");
        }
    }

    private static DetectionStep Step(string text)
    {
        LanguageDetector.Shared.Detect(text, out var step);
        return step;
    }

    private static string Describe(TextLanguage language) =>
        (language.Code ?? "unknown (English rules)") + (language.IsDetected ? ", detected" : ", tagged");

    private static double Pass((string Text, TextLanguage Language)[] posts, Func<string, TextLanguage, double> read)
    {
        var sum = 0.0;
        foreach (var (text, language) in posts)
        {
            sum += read(text, language);
        }

        return sum;
    }
}
