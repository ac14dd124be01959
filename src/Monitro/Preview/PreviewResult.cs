namespace Monitro;

/// <summary>What a draft watch would have matched among stored posts.</summary>
public sealed record PreviewResult
{
    /// <summary>Gets the number of posts read.</summary>
    public required int Scanned { get; init; }

    /// <summary>Gets the posts the draft matches, newest first, each with its highlighted spans.</summary>
    public required IReadOnlyList<Mention> Hits { get; init; }

    /// <summary>Gets a value indicating whether reading stopped at <see cref="PreviewScope.MaxHits"/> before the scope was read whole.</summary>
    public bool Truncated { get; init; }
}
