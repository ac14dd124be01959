namespace Monitro;

/// <summary>Who made the contact.</summary>
public enum InteractionDirection
{
    /// <summary>The person reached out (to us, or about us).</summary>
    Inbound = 0,

    /// <summary>One of the company's own accounts reached out to the person.</summary>
    Outbound,
}
