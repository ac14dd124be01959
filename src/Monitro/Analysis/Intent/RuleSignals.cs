namespace Monitro.Analysis.Intent;

/// <summary>
/// What the complaint and churn rules read in one English text, as the learned model takes it: the rules' scores and
/// the few facts about the text's form that the scores fold in.
/// </summary>
/// <param name="ComplaintScore">The complaint score of the rules (the threshold is <see cref="IntentScoring.ComplaintThreshold"/>).</param>
/// <param name="ChurnScore">The churn-risk score of the rules.</param>
/// <param name="Addressee">Whom a statement in the text is addressed to.</param>
/// <param name="Question">Whether the text asks a question.</param>
/// <param name="Praise">Whether the text praises or thanks (before sarcasm drops the praise).</param>
/// <param name="Sarcastic">Whether the text ends with praise read as sarcasm.</param>
/// <param name="Churn">What the shape of the text's sentences says about a relationship ending (<see cref="ChurnStructure"/>).</param>
/// <param name="Parts">The parts of a complaint the score adds up, each apart (<see cref="ComplaintParts"/>).</param>
internal readonly record struct RuleSignals(double ComplaintScore, double ChurnScore, Addressee Addressee, bool Question, bool Praise, bool Sarcastic, ChurnShape Churn = default, ComplaintParts Parts = ComplaintParts.None);
