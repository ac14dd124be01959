namespace Monitro;

/// <summary>Something worth telling a person or a system about, delivered to every <see cref="IAlertSink"/>.</summary>
/// <remarks>
/// Delivery is at least once; <see cref="IdempotencyKey"/> is stable, so a receiver that ignores keys it has
/// seen sees each alert exactly once.
/// </remarks>
public sealed record Alert
{
    /// <summary>Gets the stable key of the alert; for a mention, <c>watch-name|post-id</c>.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the kind of alert (see <see cref="AlertKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets when the alert was raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>Gets a one-line title for people.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the mention the alert is about, or <see langword="null"/>.</summary>
    public Mention? Mention { get; init; }

    /// <summary>Gets the name of the alert rule that raised the alert, or <see langword="null"/> when no rule did.</summary>
    public string? Rule { get; init; }

    /// <summary>Gets the summary of a digest alert (<see cref="AlertKinds.Digest"/>), or <see langword="null"/>.</summary>
    public AlertDigest? Digest { get; init; }

    /// <summary>Gets what a spike alert (<see cref="AlertKinds.Spike"/>) measured and what drove it, or <see langword="null"/>.</summary>
    public AlertSpike? Spike { get; init; }

    /// <summary>Gets the id of the post a <see cref="AlertKinds.MentionRetracted"/> alert is about, or <see langword="null"/>.</summary>
    public string? RetractedPostId { get; init; }

    /// <summary>Gets the relationship transition the alert is about, or <see langword="null"/>.</summary>
    public RelationshipTransition? Transition { get; init; }

    /// <summary>Gets the inbox item after the change, for the <c>item.*</c> kinds; otherwise <see langword="null"/>.</summary>
    public InboxItem? Item { get; init; }

    /// <summary>Creates the alert for a new mention.</summary>
    /// <param name="mention">The mention.</param>
    /// <param name="raisedAt">When it was raised.</param>
    /// <returns>The alert, keyed by the mention's id.</returns>
    public static Alert ForMention(Mention mention, DateTimeOffset raisedAt)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return new Alert
        {
            IdempotencyKey = mention.Id,
            Kind = AlertKinds.Mention,
            RaisedAt = raisedAt,
            Title = string.Concat("[", mention.Watch.Name, "] @", mention.Post.Author.Handle, " on ", mention.Post.Source),
            Mention = mention,
        };
    }

    /// <summary>Creates the alert for a relationship transition.</summary>
    /// <param name="transition">The transition.</param>
    /// <param name="raisedAt">When it was raised.</param>
    /// <returns>The alert, keyed by <see cref="RelationshipTransition.Key"/> so it is delivered once per person, kind and trigger.</returns>
    public static Alert ForTransition(RelationshipTransition transition, DateTimeOffset raisedAt)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return new Alert
        {
            IdempotencyKey = transition.Key,
            Kind = AlertKinds.ForTransition(transition.Kind),
            RaisedAt = raisedAt,
            Title = string.Concat("[relationship] ", transition.PersonId, ": ", transition.Reason),
            Transition = transition,
        };
    }

    /// <summary>Creates the alert of a change of an inbox item; its key is <c>kind|item-id|version</c>, one per change.</summary>
    /// <param name="kind">The kind, one of the <c>item.*</c> kinds of <see cref="AlertKinds"/>.</param>
    /// <param name="item">The item after the change.</param>
    /// <param name="raisedAt">When the change happened.</param>
    /// <returns>The alert.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public static Alert ForItem(string kind, InboxItem item, DateTimeOffset raisedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(item);
        return new Alert
        {
            IdempotencyKey = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}|{item.Id}|{item.Version}"),
            Kind = kind,
            RaisedAt = raisedAt,
            Title = string.Concat("[inbox] ", item.Kind.ToString(), " ", item.State.ToString()),
            Item = item,
        };
    }
}
