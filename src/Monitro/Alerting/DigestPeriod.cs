namespace Monitro;

/// <summary>How often a digest rule sends its summary; windows are aligned to UTC hours or days.</summary>
public enum DigestPeriod
{
    /// <summary>Every hour, on the hour (UTC).</summary>
    Hourly,

    /// <summary>Every day, at midnight UTC.</summary>
    Daily,
}
