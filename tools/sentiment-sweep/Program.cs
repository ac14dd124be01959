using Monitro.SentimentSweep;

// The vocabulary sweep of the English sentiment lexicon: every word of the hashtag segmenter's vocabulary
// (src/Monitro/Text/words.tsv) and every token of the team's list of frequent social-text tokens (social-tokens.txt)
// that the analyzer does not rate, through any form it derives, is listed in review.tsv for rating by hand. Ratings
// already written there are kept, so the file stays the record of the sweep: what was rated polar (and added to the
// lexicon by class) and what was rated neutral and left out. Run from the repository root:
// dotnet run --project tools/sentiment-sweep
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var here = Path.Combine(root, "tools", "sentiment-sweep");
var words = Path.Combine(root, "src", "Monitro", "Text", "words.tsv");
if (!File.Exists(words) || !Directory.Exists(here))
{
    Console.Error.WriteLine($"Run from the repository root, or pass it: {root} has no src/Monitro/Text/words.tsv or tools/sentiment-sweep.");
    return 1;
}

var reviewPath = Path.Combine(here, "review.tsv");
var review = ReviewFile.Read(reviewPath);
var reader = new AnalyzerReading();
var swept = VocabularySources.Read(words, Path.Combine(here, "social-tokens.txt"));

var entries = new List<ReviewEntry>();
foreach (var (word, source) in swept)
{
    var reading = reader.Read(word);
    if (review.TryGetValue(word, out var reviewed))
    {
        entries.Add(reviewed with { Source = source, Reading = reading });
    }
    else if (reading.IsUnrated)
    {
        entries.Add(new ReviewEntry(word, source, reading, null, string.Empty, string.Empty));
    }
}

ReviewFile.Write(reviewPath, entries);
var report = SweepReport.Of(swept.Count, entries);
Console.WriteLine(report);
return report.Disagreements.Count == 0 ? 0 : 2;
