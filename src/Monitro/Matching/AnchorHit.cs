namespace Monitro.Matching;

/// <summary>An occurrence of an anchor in a scanned text: the anchor's pattern number and the index just after it.</summary>
/// <param name="Pattern">The pattern number in the anchors' automaton.</param>
/// <param name="End">The index in the text just after the occurrence.</param>
internal readonly record struct AnchorHit(int Pattern, int End);
