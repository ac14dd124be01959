namespace Monitro.Text;

/// <summary>A token of analyzed text: its type, its folded key, its word position and its range in the original text.</summary>
/// <param name="Kind">The type of the token.</param>
/// <param name="KeyStart">The start of the folded key in <see cref="FoldedText.Chars"/>.</param>
/// <param name="KeyLength">The length of the folded key.</param>
/// <param name="Position">The word position; tokens derived from one another share it; -1 for tokens not in the text.</param>
/// <param name="OriginalStart">The offset of the token in the original text, or -1 for tokens not in the text.</param>
/// <param name="OriginalLength">The length of the token in the original text.</param>
/// <param name="IsEntityPart">Whether the token is a part of a hashtag or handle (words also match inside them on word boundaries).</param>
/// <param name="PositionCount">The number of word positions the token covers: a hashtag or handle covers those of its parts.</param>
internal readonly record struct Token(
    TokenKind Kind,
    int KeyStart,
    int KeyLength,
    int Position,
    int OriginalStart,
    int OriginalLength,
    bool IsEntityPart = false,
    int PositionCount = 1)
{
    /// <summary>Gets the last word position the token covers (-1 for tokens not in the text).</summary>
    public int LastPosition => Position + PositionCount - 1;
}
