namespace Monitro;

/// <summary>A post that matched a watch, with the parts of its text that matched and the signals read from it.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record Mention
{
    /// <summary>Gets the post that matched.</summary>
    public required Post Post { get; init; }

    /// <summary>Gets the watch the post matched.</summary>
    public required Watch Watch { get; init; }

    /// <summary>Gets the matched parts of <see cref="Post.Text"/>, in order of their start.</summary>
    public IReadOnlyList<MatchSpan> Spans { get; init; } = [];

    /// <summary>Gets the signals read from the post (sentiment, intents), or <see langword="null"/> before enrichment.</summary>
    public MentionSignals? Signals { get; init; }

    /// <summary>Gets the stable id of the mention, <c>watch-name|post-id</c>; also the idempotency key of its alert.</summary>
    public string Id => CreateId(Watch.Name, Post.Id);

    /// <summary>Creates the id of the mention of a post by a watch.</summary>
    /// <param name="watchName">The name of the watch.</param>
    /// <param name="postId">The id of the post.</param>
    /// <returns>The id <c>watch-name|post-id</c>.</returns>
    public static string CreateId(string watchName, string postId) => string.Concat(watchName, "|", postId);
}
