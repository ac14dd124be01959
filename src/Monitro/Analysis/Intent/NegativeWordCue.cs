using System.Collections.Frozen;

namespace Monitro.Analysis.Intent;

/// <summary>
/// A complaint cue taken from the English sentiment lexicon: the most negative word of a text. Complaints name their
/// trouble in many more words than any phrase list holds ("crammed", "mouldy", "scary"); the lexicon rates them all,
/// so the detector needs no second list of negative words. The cue needs company: alone it stays under the threshold.
/// </summary>
internal static class NegativeWordCue
{
    /// <summary>The weight of a word rated -2 or lower ("disgusted", "scam").</summary>
    public const double StrongWordWeight = 0.4;

    /// <summary>The weight of a word rated from -1.4 to -2 ("annoyed", "leaking").</summary>
    public const double WordWeight = 0.25;

    /// <summary>The rating at or below which a lexicon word is a cue.</summary>
    public const double Rating = -1.4;

    private const double StrongRating = -2.0;

    // Words about complaining, not of complaint ("how do I complain?" is a question), and the words that are complaint
    // cues of their own (counted once, with their own weight); not the words that only mark a part for the learned model.
    private static readonly FrozenSet<string> NotCues = IntentRules.All
        .Where(rule => rule.Label == IntentLabel.Complaint && rule.Marks == ComplaintParts.None && !rule.Phrase.Contains(' ', StringComparison.Ordinal))
        .Select(rule => rule.Phrase)
        .Concat(["complain", "complaint", "complaints", "complaining"])
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotCueLookup = NotCues.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the weight of a word (lower case) as a complaint cue, or 0 when it is not one.</summary>
    /// <param name="word">The word.</param>
    /// <returns><see cref="StrongWordWeight"/>, <see cref="WordWeight"/> or 0.</returns>
    public static double WeightOf(ReadOnlySpan<char> word) => WeightOf(word, IntentWordCues.Of(word));

    /// <summary>Returns the weight of a word (lower case) as a complaint cue when its cue was already looked up.</summary>
    /// <param name="word">The word.</param>
    /// <param name="cue">What <see cref="IntentWordCues.Of"/> says of it.</param>
    /// <returns><see cref="StrongWordWeight"/>, <see cref="WordWeight"/> or 0.</returns>
    public static double WeightOf(ReadOnlySpan<char> word, IntentWordCues.Cue cue)
    {
        if (cue.Valence > Rating || NotCueLookup.Contains(word))
        {
            return 0;
        }

        return cue.Valence <= StrongRating ? StrongWordWeight : WordWeight;
    }
}
