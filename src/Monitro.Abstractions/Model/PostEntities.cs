namespace Monitro;

/// <summary>The entities a platform reports for a post.</summary>
/// <remarks>Hashtags, mentions and cashtags are stored without their leading <c>#</c>, <c>@</c> or <c>$</c>.</remarks>
public sealed record PostEntities
{
    /// <summary>Gets an instance with no entities.</summary>
    public static PostEntities Empty { get; } = new();

    /// <summary>Gets the hashtags, without <c>#</c>.</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = [];

    /// <summary>Gets the handles mentioned, without <c>@</c>.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    /// <summary>Gets the cashtags, without <c>$</c>.</summary>
    public IReadOnlyList<string> Cashtags { get; init; } = [];

    /// <summary>Gets the links, as absolute addresses.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];
}
