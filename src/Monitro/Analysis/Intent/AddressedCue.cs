namespace Monitro.Analysis.Intent;

/// <summary>
/// The complaint cue of being addressed: a statement that tags a company ("@Orbitel my bag came back ripped") and
/// reports any trouble at all is most often a complaint, though its words alone would not say so. Customers tell
/// companies what went wrong in everyday words; the tag is what makes the telling a complaint.
/// </summary>
/// <remarks>
/// The cue only adds to a text that already has a complaint cue, and never to a question (asking is not
/// complaining, and questions that reproach have cues of their own), a shared post ("RT @…"), or a text that praises
/// or thanks.
/// </remarks>
internal static class AddressedCue
{
    /// <summary>The weight: with any weak cue (a delay, a negation, a fee) it reaches the complaint threshold.</summary>
    public const double Weight = 0.3;

    /// <summary>Returns whether a normalized text (lower case) is a statement addressed to someone.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="hasMention">Whether the text tags someone.</param>
    /// <param name="hasQuestion">Whether the text asks a question.</param>
    /// <returns><see langword="true"/> when the cue applies.</returns>
    public static bool IsAddressedStatement(ReadOnlySpan<char> text, bool hasMention, bool hasQuestion) =>
        hasMention && !hasQuestion && !text.TrimStart().StartsWith("rt @", StringComparison.Ordinal);
}
