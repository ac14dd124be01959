namespace Monitro;

/// <summary>What a CRM knows about an identity: its contact id and the relations it records. CRM facts outrank guesses.</summary>
public sealed record ContactFacts
{
    /// <summary>Gets the id of the contact in the CRM.</summary>
    public required string ContactId { get; init; }

    /// <summary>Gets the relations the CRM records for the contact.</summary>
    public IReadOnlyList<ContactRelation> Relations { get; init; } = [];
}
