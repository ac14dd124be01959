namespace Monitro.Storage.Shared;

/// <summary>Bounds the free-text diagnostics (reasons, errors, excerpts) the store keeps, so one huge message cannot bloat a row.</summary>
internal static class StoreDiagnostics
{
    /// <summary>The longest reason or error kept, in characters.</summary>
    public const int MaxReasonLength = 4000;

    /// <summary>The longest excerpt of a raw source item kept, in characters.</summary>
    public const int MaxExcerptLength = 1000;

    public static string Cut(string value, int maxLength) =>
        value.Length <= maxLength ? value : string.Concat(value.AsSpan(0, maxLength - 1), "…");

    public static string? CutOrNull(string? value, int maxLength) => value is null ? null : Cut(value, maxLength);
}
