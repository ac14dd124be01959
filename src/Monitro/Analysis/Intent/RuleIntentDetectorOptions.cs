namespace Monitro;

/// <summary>Options of <see cref="RuleIntentDetector"/>: whether the learned models decide complaint and churn risk.</summary>
/// <remarks>
/// The learned models are logistic regressions over the words of a text and the rules' own reading of it, trained on the
/// project's own labelled posts (see the analysis documentation, <i>The learned complaint and churn models</i>). They
/// read English text only; text in other languages keeps its phrase lists.
/// </remarks>
public sealed class RuleIntentDetectorOptions
{
    /// <summary>
    /// Gets a value indicating whether the learned complaint model decides whether an English text is a complaint
    /// (it takes the rules' score as one of its features). When off, the rules' score alone decides. On by default:
    /// on every frozen evaluation set of the project it found more complaints at the same precision.
    /// </summary>
    public bool UseLearnedComplaintModel { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether the learned churn model decides whether an English text is a churn risk (it takes
    /// the rules' score and their reading of each sentence's shape as features). When off, the rules' score alone
    /// decides. On by default: trained on a larger and more varied set of churn posts, it found more churn risks than
    /// the rules on three of the project's four frozen sets that annotate churn (see the analysis documentation).
    /// </summary>
    public bool UseLearnedChurnModel { get; init; } = true;
}
