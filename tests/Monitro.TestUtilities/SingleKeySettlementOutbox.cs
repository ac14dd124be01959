namespace Monitro.Testing;

/// <summary>
/// Forwards to an outbox but hides <see cref="IAlertOutboxBatchSettlement"/>, so the dispatcher marks each
/// delivered alert with its own write, as it does for a custom outbox that cannot settle a batch at once.
/// </summary>
/// <param name="inner">The outbox that does the work.</param>
public sealed class SingleKeySettlementOutbox(IAlertOutbox inner) : ForwardingAlertOutbox(inner);
