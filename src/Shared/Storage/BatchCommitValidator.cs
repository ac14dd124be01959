using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Storage.Shared;

/// <summary>
/// Checks a <see cref="BatchCommit"/> before any row is written, so a bad commit fails whole with an error that
/// names the item and the field (<c>Posts[3].Id</c>) instead of a constraint failure half way through.
/// </summary>
internal static class BatchCommitValidator
{
    /// <summary>The longest id, key or name the store accepts, in characters.</summary>
    public const int MaxKeyLength = 2048;

    /// <summary>The longest checkpoint value the store accepts, in characters.</summary>
    public const int MaxCheckpointLength = 1024 * 1024;

    // The parameter of IMonitroStore.CommitAsync that every failure is about.
    private static readonly string CommitParameterName = "commit";

    // Once per commit, looping over its posts and mentions: compiled optimized at once, since on a one-core host the
    // runtime leaves such code unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Validate(BatchCommit commit, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Key(commit.SourceName, CommitPath.Of("SourceName"));
        var posts = List(commit.Posts, CommitPath.Of("Posts"));
        for (var i = 0; i < posts.Count; i++)
        {
            PostFields(posts[i], CommitPath.Item("Posts", i), maxTextLength);
        }

        var mentions = List(commit.Mentions, CommitPath.Of("Mentions"));
        for (var i = 0; i < mentions.Count; i++)
        {
            MentionFields(mentions[i], CommitPath.Item("Mentions", i), maxTextLength);
        }

        var interactions = List(commit.Interactions, CommitPath.Of("Interactions"));
        for (var i = 0; i < interactions.Count; i++)
        {
            var path = CommitPath.Item("Interactions", i);
            var interaction = NotNull(interactions[i], path);
            Key(interaction.Id, path.Then(".Id"));
            Key(interaction.PersonId, path.Then(".PersonId"));
            Key(interaction.PostId, path.Then(".PostId"));
        }

        var inboxItems = List(commit.InboxItems, CommitPath.Of("InboxItems"));
        for (var i = 0; i < inboxItems.Count; i++)
        {
            var path = CommitPath.Item("InboxItems", i);
            var item = NotNull(inboxItems[i], path);
            Key(item.Id, path.Then(".Id"));
            Key(item.PersonId, path.Then(".PersonId"));
            Key(item.ThreadId, path.Then(".ThreadId"));
            Key(item.Source, path.Then(".Source"));
        }

        var retractions = List(commit.Retractions, CommitPath.Of("Retractions"));
        for (var i = 0; i < retractions.Count; i++)
        {
            Key(retractions[i], CommitPath.Item("Retractions", i));
        }

        var skipped = List(commit.Skipped, CommitPath.Of("Skipped"));
        for (var i = 0; i < skipped.Count; i++)
        {
            var path = CommitPath.Item("Skipped", i);
            var item = NotNull(skipped[i], path);
            Key(item.SourceName, path.Then(".SourceName"));
            Key(item.Position, path.Then(".Position"));
            if (item.Reason is null)
            {
                throw Invalid(path.Then(".Reason"), "must not be null");
            }
        }

        var alerts = List(commit.Alerts, CommitPath.Of("Alerts"));
        for (var i = 0; i < alerts.Count; i++)
        {
            var path = CommitPath.Item("Alerts", i);
            var alert = NotNull(alerts[i], path);
            Key(alert.IdempotencyKey, path.Then(".IdempotencyKey"));
            Key(alert.Kind, path.Then(".Kind"));
            if (alert.Title is null)
            {
                throw Invalid(path.Then(".Title"), "must not be null");
            }

            if (alert.Mention is not null)
            {
                MentionFields(alert.Mention, path.Then(".Mention"), maxTextLength);
            }
        }

        if (commit.Checkpoint is { } checkpoint)
        {
            if (!string.Equals(checkpoint.SourceName, commit.SourceName, StringComparison.Ordinal))
            {
                throw Invalid(CommitPath.Of("Checkpoint.SourceName"), $"is '{checkpoint.SourceName}' but the batch comes from '{commit.SourceName}'");
            }

            if (checkpoint.Value is null)
            {
                throw Invalid(CommitPath.Of("Checkpoint.Value"), "must not be null");
            }

            if (checkpoint.Value.Length > MaxCheckpointLength)
            {
                throw Invalid(CommitPath.Of("Checkpoint.Value"), Longer(checkpoint.Value.Length, MaxCheckpointLength));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PostFields(Post? post, CommitPath path, int maxTextLength)
    {
        NotNull(post, path);
        Key(post!.Id, path.Then(".Id"));
        Key(post.Source, path.Then(".Source"));
        var author = NotNull(post.Author, path.Then(".Author"));
        Key(author.Platform, path.Then(".Author.Platform"));
        Key(author.Handle, path.Then(".Author.Handle"));
        if (post.Text is null)
        {
            throw Invalid(path.Then(".Text"), "must not be null");
        }

        if (post.Text.Length > maxTextLength)
        {
            throw Invalid(path.Then(".Text"), Longer(post.Text.Length, maxTextLength));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MentionFields(Mention? mention, CommitPath path, int maxTextLength)
    {
        NotNull(mention, path);
        PostFields(mention!.Post, path.Then(".Post"), maxTextLength);
        var watch = NotNull(mention.Watch, path.Then(".Watch"));
        Key(watch.Name, path.Then(".Watch.Name"));
        var spans = List(mention.Spans, path.Then(".Spans"));
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Start < 0 || span.Length < 0 || span.End > mention.Post.Text.Length)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{path.Then(".Spans")}[{i}]"), string.Create(
                    CultureInfo.InvariantCulture,
                    $"({span.Start}, {span.Length}) lies outside the post text of {mention.Post.Text.Length} characters"));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static IReadOnlyList<T> List<T>(IReadOnlyList<T>? list, CommitPath path) =>
        list ?? throw Invalid(path, "must not be null (use an empty list)");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T NotNull<T>(T? value, CommitPath path)
        where T : class =>
        value ?? throw Invalid(path, "must not be null");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Key(string? value, CommitPath path)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Invalid(path, "must not be null or empty");
        }

        if (value.Length > MaxKeyLength)
        {
            throw Invalid(path, Longer(value.Length, MaxKeyLength));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Longer(int length, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"has {length:N0} characters, more than the {max:N0} allowed");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ArgumentException Invalid(CommitPath path, string problem) => Invalid(path.ToString(), problem);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ArgumentException Invalid(string path, string problem) =>
        new($"The batch commit is not valid: {path} {problem}.", CommitParameterName);
}
