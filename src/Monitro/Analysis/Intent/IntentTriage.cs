namespace Monitro;

/// <summary>Decides from the intents of a text whether it calls for an answer.</summary>
/// <remarks>Whether a text addresses the brand's own handle, which also calls for an answer, is decided where the handles are known.</remarks>
public static class IntentTriage
{
    /// <summary>Returns whether an intent calls for an answer: a question, a complaint, a churn risk or purchase intent.</summary>
    /// <param name="label">The intent.</param>
    /// <returns><see langword="true"/> when the intent calls for an answer.</returns>
    public static bool NeedsResponse(IntentLabel label) =>
        label is IntentLabel.Question or IntentLabel.Complaint or IntentLabel.ChurnRisk or IntentLabel.PurchaseIntent;

    /// <summary>Returns whether any of the intents calls for an answer.</summary>
    /// <param name="intents">The intents found in a text.</param>
    /// <param name="minimumConfidence">The confidence an intent needs to count, from 0 to 1.</param>
    /// <returns><see langword="true"/> when at least one intent that calls for an answer has the minimum confidence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intents"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumConfidence"/> is not between 0 and 1.</exception>
    public static bool NeedsResponse(IEnumerable<IntentHit> intents, double minimumConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(intents);
        if (!(minimumConfidence >= 0 && minimumConfidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumConfidence), minimumConfidence, "The minimum confidence must be between 0 and 1.");
        }

        foreach (var intent in intents)
        {
            if (intent is not null && NeedsResponse(intent.Label) && intent.Confidence >= minimumConfidence)
            {
                return true;
            }
        }

        return false;
    }
}
