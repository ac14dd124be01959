namespace Monitro;

/// <summary>The kinds of <see cref="DeadLetter"/>.</summary>
public static class DeadLetterKinds
{
    /// <summary>An item a source could not read (<see cref="SkippedItem"/>).</summary>
    public const string SourceItem = "source-item";

    /// <summary>An alert that could not be delivered after its last attempt.</summary>
    public const string Alert = "alert";
}
