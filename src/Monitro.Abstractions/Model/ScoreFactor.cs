namespace Monitro;

/// <summary>One factor of a score: what it is, its value, how much it weighs, and what it means.</summary>
/// <param name="Name">The name of the factor (for example <c>reciprocity</c>).</param>
/// <param name="Value">The value of the factor.</param>
/// <param name="Weight">How the factor enters the score (a multiplier, a weight, or 1 when it is the score itself).</param>
/// <param name="Explanation">A short sentence for people.</param>
public sealed record ScoreFactor(string Name, double Value, double Weight, string Explanation);
