namespace Monitro.Sources.Shared;

/// <summary>What one poll step produced, and when the next step may run.</summary>
internal sealed record PollResult
{
    public static PollResult Nothing { get; } = new();

    public IReadOnlyList<Post> Posts { get; init; } = [];

    public IReadOnlyList<string> Retractions { get; init; } = [];

    public IReadOnlyList<SkippedItem> Skipped { get; init; } = [];

    /// <summary>Gets a value indicating whether more is waiting right now (another page), so the next step should not wait.</summary>
    public bool MoreAvailable { get; init; }

    /// <summary>Gets the earliest time the next request may go out (a platform rate limit), or <see langword="null"/>.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
