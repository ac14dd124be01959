namespace Monitro;

/// <summary>Where a reply stands in the reply outbox.</summary>
public enum ReplyState
{
    /// <summary>Committed, and waiting for someone to approve it before it may be sent.</summary>
    AwaitingApproval,

    /// <summary>Committed and due to be published (or waiting for its next attempt).</summary>
    Queued,

    /// <summary>Published on the platform.</summary>
    Published,

    /// <summary>Refused by a reviewer; never sent.</summary>
    Rejected,

    /// <summary>Given up: the platform refused it for good, or its retries ran out.</summary>
    Dead,
}
