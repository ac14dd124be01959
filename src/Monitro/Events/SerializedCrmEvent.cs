namespace Monitro;

/// <summary>A CRM event ready to send.</summary>
/// <param name="Id">The stable event id (also the idempotency key of its webhook request).</param>
/// <param name="Type">The event type.</param>
/// <param name="Body">The UTF-8 JSON body.</param>
public sealed record SerializedCrmEvent(string Id, string Type, ReadOnlyMemory<byte> Body);
