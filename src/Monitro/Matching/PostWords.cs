namespace Monitro.Matching;

/// <summary>The folded words of one post, indexed for lookups by the matcher.</summary>
internal sealed class PostWords
{
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);

    public PostWords(string text)
    {
        Tokens = WordTokenizer.Tokenize(text);
        foreach (var token in Tokens)
        {
            if (!_positions.TryGetValue(token.Word, out var list))
            {
                _positions[token.Word] = list = [];
            }

            list.Add(token.Position);
        }
    }

    public List<WordToken> Tokens { get; }

    public IReadOnlyList<int> PositionsOf(string word) => _positions.TryGetValue(word, out var list) ? list : [];
}
