namespace Monitro.Analysis;

/// <summary>A phrase that signals an intent, with the conditions under which it counts.</summary>
internal sealed class IntentRule
{
    /// <summary>The marker between the parts of a phrase whose parts may be a few words apart ("can't recommend … enough").</summary>
    public const string Gap = " … ";

    /// <summary>Initializes a new instance of the <see cref="IntentRule"/> class.</summary>
    /// <param name="label">The intent.</param>
    /// <param name="phrase">The phrase in lower case; <see cref="Gap"/> separates parts that may be apart.</param>
    /// <param name="confidence">How sure a match makes the detector, from 0 to 1.</param>
    public IntentRule(IntentLabel label, string phrase, double confidence)
    {
        Label = label;
        Phrase = phrase;
        Parts = phrase.Split(Gap);
        Confidence = confidence;
    }

    /// <summary>Gets the intent.</summary>
    public IntentLabel Label { get; }

    /// <summary>Gets the phrase as written in the rule table.</summary>
    public string Phrase { get; }

    /// <summary>Gets the parts of the phrase; more than one when the phrase has gaps.</summary>
    public string[] Parts { get; }

    /// <summary>Gets the confidence of a match.</summary>
    public double Confidence { get; }

    /// <summary>Gets the words or phrases that cancel a match when they follow it directly.</summary>
    public string[] NotFollowedBy { get; init; } = [];

    /// <summary>Gets the words that cancel a match when they come directly before it.</summary>
    public string[] NotPrecededBy { get; init; } = [];

    /// <summary>Gets a value indicating whether a negation among the two words before the phrase cancels the match.</summary>
    public bool Negatable { get; init; } = true;

    /// <summary>Gets a value indicating whether the phrase only counts when the text tags someone (@handle).</summary>
    public bool RequiresMention { get; init; }

    /// <summary>Gets a value indicating whether the phrase means the same in any language (hashtags, symbols).</summary>
    public bool LanguageIndependent { get; init; }
}
