namespace Monitro;

/// <summary>What a source read in one step: posts, retractions and skipped items, with the checkpoint that resumes right after them.</summary>
/// <remarks>
/// The pipeline commits a batch's results and its checkpoint together, so a source that restarts from the
/// last committed checkpoint neither misses nor repeats anything.
/// </remarks>
public sealed record SourceBatch
{
    /// <summary>Gets the posts read.</summary>
    public IReadOnlyList<Post> Posts { get; init; } = [];

    /// <summary>Gets the ids of posts the platform reports as deleted.</summary>
    public IReadOnlyList<string> Retractions { get; init; } = [];

    /// <summary>Gets the items that could not be read.</summary>
    public IReadOnlyList<SkippedItem> Skipped { get; init; } = [];

    /// <summary>Gets the checkpoint that resumes right after this batch, or <see langword="null"/> when the source has none.</summary>
    public SourceCheckpoint? Checkpoint { get; init; }
}
