namespace Monitro.Analysis.Intent;

/// <summary>Receives the features of a text as <see cref="IntentModelFeatures"/> reads them.</summary>
internal interface IIntentFeatureSink
{
    /// <summary>Receives one feature.</summary>
    /// <param name="index">The feature's index in a weight vector.</param>
    /// <param name="value">Its value.</param>
    /// <param name="start">Where its n-gram starts in the text, or -1 for a feature of the rules.</param>
    /// <param name="end">Where its n-gram ends, or -1.</param>
    void Add(int index, float value, int start, int end);
}
