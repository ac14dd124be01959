namespace Monitro;

/// <summary>Where an inbox item stands.</summary>
public enum InboxItemState
{
    /// <summary>Needs an answer and nobody took it yet.</summary>
    New,

    /// <summary>An agent took it.</summary>
    Assigned,

    /// <summary>Waiting for the person (or someone else) before it can go on.</summary>
    Waiting,

    /// <summary>Answered in its thread by one of our accounts, or closed by hand.</summary>
    Resolved,

    /// <summary>Closed without an answer, with a reason.</summary>
    Ignored,
}
