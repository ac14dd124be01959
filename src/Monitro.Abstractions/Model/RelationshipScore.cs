namespace Monitro;

/// <summary>One score of a relationship, from 0 to 100, with the factors and the events behind it.</summary>
public sealed record RelationshipScore
{
    /// <summary>Gets the value from 0 to 100, or <see langword="null"/> when there is too little evidence for a verdict.</summary>
    public double? Value { get; init; }

    /// <summary>Gets how many observations the score rests on.</summary>
    public int Observations { get; init; }

    /// <summary>Gets the factors that make up the score.</summary>
    public IReadOnlyList<ScoreFactor> Factors { get; init; } = [];

    /// <summary>Gets the ids of the interactions behind the score (<see cref="Interaction.Id"/>).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
