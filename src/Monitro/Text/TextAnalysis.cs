using System.Buffers;
using System.Runtime.CompilerServices;

namespace Monitro.Text;

/// <summary>A text folded and split into typed tokens; reusable (buffers are pooled) by one thread at a time.</summary>
internal sealed class TextAnalysis : IDisposable
{
    private Token[] _tokens = ArrayPool<Token>.Shared.Rent(64);
    private int _count;

    /// <summary>Gets the folded text and its map back to the original.</summary>
    public FoldedText Text { get; } = new();

    /// <summary>Gets the tokens in text order (derived tokens follow the token they come from).</summary>
    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, _count);

    /// <summary>Gets the number of word positions used.</summary>
    public int PositionCount { get; internal set; }

    /// <summary>Analyzes a text, replacing what was analyzed before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Analyze(string text)
    {
        Fold(text);
        Tokenize();
    }

    /// <summary>Folds a text into <see cref="Text"/> and drops the tokens of the text analyzed before; <see cref="Tokenize"/> completes the analysis.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _count = 0;
        PositionCount = 0;
        TextFolder.Fold(text, Text);
    }

    /// <summary>Splits the text folded by <see cref="Fold"/> into tokens, replacing any tokens there were.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tokenize()
    {
        ClearTokens();
        SocialTokenizer.Tokenize(this);
    }

    /// <summary>Drops the tokens, keeping the folded text (to tokenize parts of it, <see cref="SocialTokenizer.TokenizeRange"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ClearTokens()
    {
        _count = 0;
        PositionCount = 0;
    }

    /// <summary>Analyzes a text into a new instance.</summary>
    public static TextAnalysis Of(string text)
    {
        var analysis = new TextAnalysis();
        analysis.Analyze(text);
        return analysis;
    }

    /// <summary>Gets the folded key of a token.</summary>
    public ReadOnlySpan<char> Key(in Token token) => Text.Slice(token.KeyStart, token.KeyLength);

    /// <summary>Gets the folded key of a token as a string (for tests and compilation, not the hot path).</summary>
    public string KeyString(in Token token) => Key(token).ToString();

    /// <summary>Adds a link that is not in the text (a platform-reported link or the post's own address) as URL, host and domain tokens.</summary>
    public void AddLink(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var folded = link.ToLowerInvariant().AsSpan();
        if (!LinkScanner.TryParse(folded, 0, anyTopLevelDomain: true, out var keyStart, out var hostEnd, out var end))
        {
            return;
        }

        var start = Text.AppendDerived(folded[keyStart..end]);
        SocialTokenizer.AddUrlTokens(this, start, start + (hostEnd - keyStart), start + (end - keyStart), -1, -1, 0);
    }

    /// <summary>Appends a token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in Token token)
    {
        if (_count == _tokens.Length)
        {
            var bigger = ArrayPool<Token>.Shared.Rent(_count * 2);
            _tokens.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<Token>.Shared.Return(_tokens);
            _tokens = bigger;
        }

        _tokens[_count++] = token;
    }

    /// <summary>Replaces the token at <paramref name="index"/> (used to complete a token once the tokens derived from it are known).</summary>
    public void Replace(int index, in Token token)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        _tokens[index] = token;
    }

    /// <summary>Gets the original-text span of a token, or <see langword="null"/> for tokens not in the text.</summary>
    public static MatchSpan? Span(in Token token) =>
        token.OriginalStart < 0 ? null : new MatchSpan(token.OriginalStart, token.OriginalLength);

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<Token>.Shared.Return(_tokens);
        _tokens = [];
        Text.Dispose();
    }
}
