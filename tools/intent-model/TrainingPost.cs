namespace Monitro.IntentModelTraining;

/// <summary>A labelled post as the trainer sees it: its features (sorted by index, each index once) and its labels.</summary>
/// <param name="Indexes">The indexes of its features, ascending.</param>
/// <param name="Values">Their values.</param>
/// <param name="Labels">The intents a reader gave it.</param>
/// <param name="RuleComplaint">Whether the rules alone find a complaint.</param>
/// <param name="RuleChurn">Whether the rules alone find a churn risk.</param>
public sealed record TrainingPost(int[] Indexes, float[] Values, IReadOnlySet<IntentLabel> Labels, bool RuleComplaint, bool RuleChurn);
