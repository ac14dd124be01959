using System.Collections.Frozen;
using Monitro.Analysis.Sentiment;

namespace Monitro.Analysis.Intent;

/// <summary>
/// The one table the English intent reading looks each word of a post up in: the sentiment lexicon's negative words
/// (rated -1.4 or lower, for <see cref="NegativeWordCue"/>), its positive ones (rated 1.4 or higher: a complaint's part
/// the learned model weighs, <see cref="ComplaintParts.PositiveWord"/>) and the words of ending that <see cref="ChurnStructure"/>
/// reads sentences around. One lookup per word serves both; a post without a word of ending has no sentence for the
/// churn structure to read, so it is not read.
/// </summary>
internal static class IntentWordCues
{
    // Compared as the lexicon compares its words (case aside): the churn structure's own lookup is exact on the lower-cased
    // text, so this table finds its words of ending wherever it does, and more, never less.
    private static readonly FrozenDictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> Table = Build().GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns what a word is to the intent reading.</summary>
    /// <param name="word">A word of the lower-cased text.</param>
    /// <returns>Its cue; the default when it is neither.</returns>
    public static Cue Of(ReadOnlySpan<char> word) => Table.TryGetValue(word, out var cue) ? cue : default;

    private static FrozenDictionary<string, Cue> Build()
    {
        var cues = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, valence) in SentimentModel.BuiltInLexicon)
        {
            if (valence <= NegativeWordCue.Rating || valence >= -NegativeWordCue.Rating)
            {
                cues[word] = new Cue(valence, EndsSomething: false);
            }
        }

        foreach (var word in ChurnStructure.EndingWords)
        {
            cues[word] = cues.GetValueOrDefault(word) with { EndsSomething = true };
        }

        return cues.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What a word is to the intent reading.</summary>
    /// <param name="Valence">Its rating in the sentiment lexicon when that is -1.4 or lower or 1.4 or higher, otherwise 0.</param>
    /// <param name="EndsSomething">Whether it is a word of ending to <see cref="ChurnStructure"/> (or, case aside, the same word).</param>
    internal readonly record struct Cue(double Valence, bool EndsSomething);
}
