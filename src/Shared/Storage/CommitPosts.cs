namespace Monitro.Storage.Shared;

/// <summary>The posts a batch stores.</summary>
internal static class CommitPosts
{
    /// <summary>
    /// Gets the batch's posts plus the posts of its mentions, once each (the batch's own version first): a mention
    /// is read back joined to its post, so its post is stored even when the batch does not list it.
    /// </summary>
    public static List<Post> Collect(BatchCommit commit)
    {
        var byId = new Dictionary<string, Post>(StringComparer.Ordinal);
        foreach (var post in commit.Posts)
        {
            byId[post.Id] = post;
        }

        foreach (var mention in commit.Mentions)
        {
            byId.TryAdd(mention.Post.Id, mention.Post);
        }

        return [.. byId.Values];
    }
}
