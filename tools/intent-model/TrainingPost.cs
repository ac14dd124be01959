namespace Monitro.IntentModelTraining;

/// <summary>A labelled post as the trainer sees it: its features (sorted by index, each index once) and its labels.</summary>
/// <param name="Indexes">The indexes of its features, ascending.</param>
/// <param name="Values">Their values.</param>
/// <param name="Phrases">The words of the text each feature was read from (empty for the rules' features), so the weights can be reported by their n-grams.</param>
/// <param name="Labels">The intents a reader gave it.</param>
/// <param name="RuleComplaint">Whether the rules alone find a complaint.</param>
/// <param name="RuleChurn">Whether the rules alone find a churn risk.</param>
/// <param name="File">The evaluation set it was read from.</param>
public sealed record TrainingPost(int[] Indexes, float[] Values, string[] Phrases, IReadOnlySet<IntentLabel> Labels, bool RuleComplaint, bool RuleChurn, string File);
