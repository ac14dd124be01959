namespace Monitro;

/// <summary>One intent found in a text.</summary>
/// <param name="Label">The intent.</param>
/// <param name="Phrase">The phrase of the text that fired it.</param>
/// <param name="Confidence">How sure the detector is, from 0 to 1.</param>
public sealed record IntentHit(IntentLabel Label, string Phrase, double Confidence);
