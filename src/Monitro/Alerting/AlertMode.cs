namespace Monitro;

/// <summary>How an alert rule tells people about what it matched.</summary>
public enum AlertMode
{
    /// <summary>One alert per matched item, at once.</summary>
    Immediate,

    /// <summary>One summary per period (hourly or daily), grouped by watch.</summary>
    Digest,

    /// <summary>One alert when a watch's volume or negative share rises well above its own baseline.</summary>
    Spike,
}
