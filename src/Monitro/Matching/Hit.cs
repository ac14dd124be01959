using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>An occurrence of a query part in a post: word positions and the original-text range.</summary>
/// <param name="Start">The first word position, or -1 when the occurrence has no position.</param>
/// <param name="End">The last word position, or -1.</param>
/// <param name="OriginalStart">The start in the original text, or -1 when the occurrence is not in the text.</param>
/// <param name="OriginalEnd">The end in the original text, or -1.</param>
internal readonly record struct Hit(int Start, int End, int OriginalStart, int OriginalEnd)
{
    /// <summary>An occurrence with neither position nor text (a metadata filter that holds).</summary>
    public static Hit Metadata => new(-1, -1, -1, -1);

    /// <summary>Creates the occurrence of one token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Hit Of(in Token token) =>
        new(token.Position, token.LastPosition, token.OriginalStart, token.OriginalStart < 0 ? -1 : token.OriginalStart + token.OriginalLength);

    /// <summary>Creates the occurrence that runs from the first position of <paramref name="first"/> to the last of <paramref name="last"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Hit Spanning(in Hit first, in Hit last) =>
        new(first.Start, last.End, MinOffset(first.OriginalStart, last.OriginalStart), Math.Max(first.OriginalEnd, last.OriginalEnd));

    /// <summary>Gets the same positions with the union of both original ranges (two tokens at the same positions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Hit WithRangeOf(in Hit other) =>
        this with { OriginalStart = MinOffset(OriginalStart, other.OriginalStart), OriginalEnd = Math.Max(OriginalEnd, other.OriginalEnd) };

    // The smaller of two original offsets where -1 means "not in the text".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int MinOffset(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);
}
