namespace Monitro.Analysis.Intent;

/// <summary>A phrase that signals an intent, with the conditions under which it counts.</summary>
internal sealed class IntentRule
{
    /// <summary>The marker between the parts of a phrase whose parts may be a few words apart ("can't recommend … enough").</summary>
    public const string Gap = " … ";

    /// <summary>Initializes a new instance of the <see cref="IntentRule"/> class.</summary>
    /// <param name="label">The intent.</param>
    /// <param name="phrase">The phrase in lower case; <see cref="Gap"/> separates parts that may be apart.</param>
    /// <param name="weight">
    /// For an intent found by its strongest phrase, how sure a match makes the detector, from 0 to 1; for an intent
    /// found by score (<see cref="IntentScoring.IsScored"/>), what a match adds to the score, negative when it speaks against it.
    /// </param>
    public IntentRule(IntentLabel label, string phrase, double weight)
    {
        Label = label;
        Phrase = phrase;
        Parts = phrase.Split(Gap);
        Weight = weight;
    }

    /// <summary>Gets the intent.</summary>
    public IntentLabel Label { get; }

    /// <summary>Gets the phrase as written in the rule table.</summary>
    public string Phrase { get; }

    /// <summary>Gets the parts of the phrase; more than one when the phrase has gaps.</summary>
    public string[] Parts { get; }

    /// <summary>Gets the confidence of a match, or its weight in the score of a scored intent.</summary>
    public double Weight { get; }

    /// <summary>Gets the group of a scored cue; a text scores each group other than <see cref="CueGroup.None"/> once.</summary>
    public CueGroup Group { get; init; }

    /// <summary>Gets the words or phrases that cancel a match when they follow it directly.</summary>
    public string[] NotFollowedBy { get; init; } = [];

    /// <summary>Gets the words that cancel a match when they come directly before it.</summary>
    public string[] NotPrecededBy { get; init; } = [];

    /// <summary>Gets a value indicating whether a negation among the two words before the phrase, in the same sentence, cancels the match.</summary>
    public bool Negatable { get; init; } = true;

    /// <summary>Gets a value indicating whether the phrase only counts when the text tags someone (@handle).</summary>
    public bool RequiresMention { get; init; }

    /// <summary>
    /// Gets the complaint part a match marks for the learned model (<see cref="ComplaintLookalikeCues"/>); a rule that marks
    /// a part adds nothing to the rules' score.
    /// </summary>
    public ComplaintParts Marks { get; init; }

    /// <summary>Gets a value indicating whether the phrase means the same in any language (hashtags, symbols).</summary>
    public bool LanguageIndependent { get; init; }
}
