using System.Buffers;

namespace Monitro.Analysis.Intent;

/// <summary>
/// The rules keyed by the first word of their phrase, so a text is read once, word by word, and only the rules that
/// can start at a word are tried there. Reading each of several hundred phrases through the whole text would cost a
/// pass per phrase on the hot path of every post.
/// </summary>
internal sealed class IntentPhraseIndex
{
    private readonly Dictionary<string, int[]> _byFirstWord;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // The first characters of the symbol rules' phrases: one vectorized pass tells whether any of them can match at all
    // (most posts have no emoji, "#" or "!!"), instead of a search through the text for each rule.
    private readonly SearchValues<char> _symbolFirstCharacters;

    /// <summary>Initializes a new instance of the <see cref="IntentPhraseIndex"/> class.</summary>
    /// <param name="rules">The rules, in table order.</param>
    public IntentPhraseIndex(IReadOnlyList<IntentRule> rules)
    {
        var byFirstWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var symbols = new List<int>();
        for (var i = 0; i < rules.Count; i++)
        {
            var first = FirstWord(rules[i].Parts[0]);
            if (first.Length == 0)
            {
                symbols.Add(i);
                continue;
            }

            if (!byFirstWord.TryGetValue(first, out var list))
            {
                byFirstWord[first] = list = [];
            }

            list.Add(i);
        }

        _byFirstWord = byFirstWord.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        SymbolRules = [.. symbols];
        _symbolFirstCharacters = SearchValues.Create([.. symbols.Select(i => rules[i].Parts[0][0]).Distinct()]);
    }

    /// <summary>Gets the indexes of the rules whose phrase starts with a symbol (an emoji, "#hiring", "??"); they are searched for.</summary>
    public int[] SymbolRules { get; }

    /// <summary>Returns whether the first character of any symbol rule's phrase occurs in a text; when none does, no symbol rule matches it.</summary>
    /// <param name="text">The normalized text.</param>
    /// <returns><see langword="true"/> when a symbol rule may match.</returns>
    public bool MayMatchSymbolRule(ReadOnlySpan<char> text) => SymbolRules.Length > 0 && text.ContainsAny(_symbolFirstCharacters);

    /// <summary>Returns the indexes of the rules whose phrase starts with a word, in table order.</summary>
    /// <param name="word">A run of word characters of the text.</param>
    /// <returns>The rule indexes, or empty.</returns>
    public ReadOnlySpan<int> StartingWith(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var rules) ? rules : [];

    // The leading run of word characters; empty when the phrase starts with a symbol.
    private static string FirstWord(string phrase)
    {
        var length = 0;
        while (length < phrase.Length && IntentText.IsWordChar(phrase[length]))
        {
            length++;
        }

        return phrase[..length];
    }
}
