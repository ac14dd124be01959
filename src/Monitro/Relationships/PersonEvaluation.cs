namespace Monitro.Relationships;

/// <summary>A person scored at one moment: the public snapshot and the response items transitions need.</summary>
internal sealed record PersonEvaluation(RelationshipSnapshot Snapshot, IReadOnlyList<ResponseItem> Items);
