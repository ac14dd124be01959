namespace Monitro;

/// <summary>The <see cref="IPersonDataEraser"/> side of the in-memory store.</summary>
public sealed partial class InMemoryMonitroStore
{
    /// <inheritdoc />
    /// <remarks>
    /// <para>Under one lock it deletes the person and their identity; their posts (tombstones included) and the
    /// company's replies kept only because of a conversation with them; the mentions and interactions of those
    /// posts and those attributed to them; their relationship snapshots; the pending and dead-lettered alerts about
    /// them; their inbox items; and the replies to them in the reply outbox (published or not: a queued reply is not
    /// published afterwards). What is kept, as in the durable stores: the keyed hashes of the person's alert keys already settled
    /// (they name nobody, and a replayed batch must not alert again; until now this store kept those keys plain, see
    /// <c>SettledAlertKeys</c>), and unreadable source items (raw excerpts that cannot be tied to a person).</para>
    /// <para>A person who posts again afterwards is stored again: forgetting removes data, it does not block a source.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is null or empty.</exception>
    public ValueTask<PersonErasure> ForgetPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var posts = PostsToForget(personId);
            var mentions = RemoveWhere(_mentions, mention => mention.Post.Author.IdentityKey == personId || posts.Contains(mention.Post.Id));
            var interactions = RemoveWhere(_interactions, interaction => interaction.PersonId == personId || posts.Contains(interaction.PostId));
            var pendingAlerts = RemoveWhere(_outbox, slot => slot.PersonId == personId || (slot.PostId is { } postId && posts.Contains(postId)));
            var deadLetters = RemoveWhere(_deadLetters, row => row.PersonId == personId);

            var deletedPosts = 0;
            foreach (var postId in posts)
            {
                deletedPosts += _posts.Remove(postId) ? 1 : 0;
            }

            var snapshots = RemoveWhere(_snapshots, snapshot => snapshot.PersonId == personId);
            var items = _inbox.Values.Where(item => item.PersonId == personId || posts.Contains(item.Id)).Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
            RemoveWhere(_inbox, item => items.Contains(item.Id));
            RemoveWhere(_replies, reply => posts.Contains(reply.InReplyToPostId) || (reply.ItemId is { } itemId && items.Contains(itemId)));
            ForgetAlertState(personId);
            _settledAlertKeys.Forget(personId, posts);
            var identities = _identities.Remove(personId) ? 1 : 0;
            _people.Remove(personId);
            return ValueTask.FromResult(new PersonErasure(personId, identities, deletedPosts, mentions, interactions, snapshots, pendingAlerts, deadLetters));
        }
    }

    // The person's own posts, and the company's replies to them that no other person's interaction points at.
    private HashSet<string> PostsToForget(string personId)
    {
        var posts = _posts.Where(pair => pair.Value.AuthorId == personId).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var sharedWithOthers = _interactions.Values
            .Where(interaction => interaction.PersonId != personId)
            .Select(interaction => interaction.PostId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var reply in _interactions.Values)
        {
            if (reply.PersonId == personId && reply.Direction == InteractionDirection.Outbound && !sharedWithOthers.Contains(reply.PostId))
            {
                posts.Add(reply.PostId);
            }
        }

        return posts;
    }
}
