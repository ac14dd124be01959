using Monitro.Analysis;
using Monitro.Analysis.Intent;
using Monitro.Analysis.Languages;
using Monitro.Analysis.Sentiment;
using Monitro.Testing;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The analyzers' shortcuts say exactly what the plain way of reading says: over every post of every evaluation set and
/// generated hostile text, each shortcut gives what the plain reading it replaces gives. (The whole readings before and
/// after a change are compared with the benchmarks' <c>analysis --dump</c>, run with both builds.)
/// </summary>
public sealed class AnalysisShortcutDifferentialTests
{
    private static readonly IReadOnlyList<(string Text, string Language)> Posts =
        [.. AnalysisDifferentialTexts.EvaluationPosts(), .. AnalysisDifferentialTexts.Hostile(6_000, seed: 14).Select(text => (text, "en"))];

    // Every word of the posts (runs of letters, digits, apostrophes, stars and hyphens, as written and in lower case)
    // and every word of the lexicons.
    private static readonly IReadOnlyList<string> Words = [.. Posts
        .SelectMany(post => post.Text.Split([' ', ',', '.', '!', '?', '\n', '#', '@', '(', ')', ':', ';', '"'], StringSplitOptions.RemoveEmptyEntries))
        .SelectMany(word => new[] { word, word.ToLowerInvariant() })
        .Concat(SentimentModel.BuiltInLexicon.Keys)
        .Concat(new[] { "de", "es", "fr", "pt" }.SelectMany(language => LanguageResources.For(language)!.Lexicon.Keys))
        .Distinct(StringComparer.Ordinal)];

    [Fact]
    public void WordEndings_ByLastLetter_KeepEveryEndingTheWordHas_InOrder()
    {
        var checkedEndings = 0;
        foreach (var rules in new[] { LanguageRules.English }.Concat(new[] { "de", "es", "fr", "pt" }.Select(language => LanguageResources.For(language)!.Rules)))
        {
            foreach (var word in Words)
            {
                var plain = rules.Suffixes.Where(suffix => word.EndsWith(suffix.Ending, StringComparison.OrdinalIgnoreCase)).ToArray();
                var kept = rules.SuffixesFor(word).ToArray();
                Assert.Equal(plain, kept.Where(suffix => word.EndsWith(suffix.Ending, StringComparison.OrdinalIgnoreCase)));
                Assert.True(kept.Length <= rules.Suffixes.Length);
                checkedEndings += plain.Length;
            }
        }

        Assert.True(checkedEndings > 10_000, $"Only {checkedEndings} endings were found on the words.");
    }

    [Fact]
    public void NegativeWordCue_ReadsTheLexiconAsTheWholeModelDoes()
    {
        var cues = 0;
        foreach (var word in Words)
        {
            var plain = SentimentModel.BuiltIn.TryGetTerm(word, out var term) && term.InLexicon && term.Valence <= -1.4
                ? term.Valence <= -2.0 ? NegativeWordCue.StrongWordWeight : NegativeWordCue.WordWeight
                : 0;
            var weight = NegativeWordCue.WeightOf(word);
            Assert.True(plain == weight || (weight == 0 && plain != 0 && IsNotCue(word)), $"'{word}': {weight} instead of {plain}");
            cues += weight > 0 ? 1 : 0;
        }

        Assert.True(cues > 500, $"Only {cues} words were complaint cues.");

        static bool IsNotCue(string word) =>
            word is "complain" or "complaint" or "complaints" or "complaining"
            || IntentRules.All.Any(rule => rule.Label == IntentLabel.Complaint && rule.Phrase == word);
    }

    [Fact]
    public void ChurnStructure_SkippedOnlyWhereItReadsNothing()
    {
        var skipped = 0;
        foreach (var (text, _) in Posts)
        {
            var normalized = text.ToLowerInvariant().Replace('\u2019', '\'');
            if (HasWordOfEnding(normalized))
            {
                continue;
            }

            skipped++;
            Assert.Equal<ChurnShape>(default, ChurnStructure.Read(normalized, text));
        }

        Assert.True(skipped > Posts.Count / 4, $"Only {skipped} of {Posts.Count} posts had no word of ending.");

        // As the detector reads words: runs of word characters.
        static bool HasWordOfEnding(string text)
        {
            var i = 0;
            while (i < text.Length)
            {
                var end = i;
                while (end < text.Length && IntentText.IsWordChar(text[end]))
                {
                    end++;
                }

                if (end > i && IntentWordCues.Of(text.AsSpan(i, end - i)).EndsSomething)
                {
                    return true;
                }

                i = end + 1;
            }

            return false;
        }
    }

    [Fact]
    public void SymbolRules_SkippedOnlyWhereNoneOfTheirPhrasesStarts()
    {
        var skipped = 0;
        foreach (var (text, _) in Posts)
        {
            var normalized = text.ToLowerInvariant();
            if (IntentRules.Index.MayMatchSymbolRule(normalized))
            {
                continue;
            }

            skipped++;
            foreach (var rule in IntentRules.Index.SymbolRules)
            {
                Assert.DoesNotContain(IntentRules.All[rule].Parts[0], normalized, StringComparison.Ordinal);
            }
        }

        Assert.True(skipped > Posts.Count / 4, $"Only {skipped} of {Posts.Count} posts skipped the symbol rules.");
    }

    [Fact]
    public void IntentModels_ReadTogether_GiveEachModelsOwnReading()
    {
        var compared = 0;
        var differing = new List<string>();
        var detector = new RuleIntentDetector(new RuleIntentDetectorOptions(), (normalized, in signals) =>
        {
            var complaint = LinearIntentModel.Complaint.Score(normalized, signals, IntentModelFeatures.ComplaintScoreFeature);
            var churn = LinearIntentModel.Churn.Score(normalized, signals, IntentModelFeatures.ChurnScoreFeature);
            var together = LinearIntentModel.Score(normalized, signals, LinearIntentModel.Complaint, IntentModelFeatures.ComplaintScoreFeature, LinearIntentModel.Churn, IntentModelFeatures.ChurnScoreFeature);
            compared++;
            if (together != (complaint, churn))
            {
                differing.Add(normalized.ToString());
            }
        });

        foreach (var (text, _) in Posts)
        {
            detector.Detect(text, "en");
        }

        Assert.Empty(differing);
        Assert.True(compared >= Posts.Count, $"Only {compared} of {Posts.Count} texts reached the models.");
    }
}
