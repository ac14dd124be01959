namespace Monitro;

/// <summary>The entities a platform reports for a post.</summary>
/// <remarks>
/// Hashtags, mentions and cashtags are stored without their leading <c>#</c>, <c>@</c> or <c>$</c>. A list that is
/// missing or <see langword="null"/> (in JSON, for example) is empty, so readers never meet a null list.
/// </remarks>
public sealed record PostEntities
{
    /// <summary>Gets an instance with no entities.</summary>
    public static PostEntities Empty { get; } = new();

    /// <summary>Gets the hashtags, without <c>#</c>.</summary>
    public IReadOnlyList<string> Hashtags { get; init => field = value ?? []; } = [];

    /// <summary>Gets the handles mentioned, without <c>@</c>.</summary>
    public IReadOnlyList<string> Mentions { get; init => field = value ?? []; } = [];

    /// <summary>Gets the cashtags, without <c>$</c>.</summary>
    public IReadOnlyList<string> Cashtags { get; init => field = value ?? []; } = [];

    /// <summary>Gets the links, as absolute addresses.</summary>
    public IReadOnlyList<string> Links { get; init => field = value ?? []; } = [];
}
