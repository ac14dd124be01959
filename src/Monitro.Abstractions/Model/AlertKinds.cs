namespace Monitro;

/// <summary>The kinds of alert Monitro raises.</summary>
public static class AlertKinds
{
    /// <summary>A post matched a watch.</summary>
    public const string Mention = "mention";
}
