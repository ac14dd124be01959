namespace Monitro;

/// <summary>A part of a post's original text that a watch matched, in UTF-16 code units.</summary>
/// <param name="Start">The offset of the first matched character in <see cref="Post.Text"/>.</param>
/// <param name="Length">The number of matched characters.</param>
public readonly record struct MatchSpan(int Start, int Length)
{
    /// <summary>Gets the offset just past the last matched character.</summary>
    public int End => Start + Length;
}
