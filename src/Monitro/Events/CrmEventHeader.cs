namespace Monitro;

/// <summary>The envelope without its data: read it first to learn the type, then read the whole event as that type.</summary>
public sealed record CrmEventHeader
{
    /// <summary>Gets the spec version.</summary>
    public string? SpecVersion { get; init; }

    /// <summary>Gets the event type.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the stable id of the event.</summary>
    public string? Id { get; init; }
}
