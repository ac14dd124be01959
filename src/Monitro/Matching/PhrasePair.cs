using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// Two adjacent elements of a phrase without slop, by which an index files the phrase's watch: such a phrase matches only
/// where a token of the first element has the word position right before a token of the second, so a post holds the
/// pair wherever the phrase occurs, and usually nowhere else (unlike either word alone).
/// </summary>
/// <remarks>
/// The index finds a pair from the tokens of its rarer element, looking at the tokens of the next (or previous) word
/// position, so the common word of <c>"the acme"</c> costs a post nothing.
/// </remarks>
internal sealed class PhrasePair
{
    private PhrasePair(in PhraseElement first, in PhraseElement second, IndexKey firstKey, IndexKey secondKey)
    {
        FirstKey = firstKey;
        SecondKey = secondKey;
        Encoded = Encode(first, second);
    }

    /// <summary>Gets the index key of the first element alone.</summary>
    public IndexKey FirstKey { get; }

    /// <summary>Gets the index key of the second element alone.</summary>
    public IndexKey SecondKey { get; }

    /// <summary>Gets the estimated rarity of the pair (<see cref="IndexKey.Cost"/>): both elements, taken as independent.</summary>
    public double Cost => FirstKey.Cost * SecondKey.Cost;

    /// <summary>Gets whether the pair is found from the first element's tokens (else from the second's): from the rarer one.</summary>
    public bool FoundFromFirst => FirstKey.Cost <= SecondKey.Cost;

    /// <summary>Gets the key of the element the pair is found from, which a post must contain (the pre-filter's anchor).</summary>
    public IndexKey Anchor => FoundFromFirst ? FirstKey : SecondKey;

    /// <summary>Gets the pair as one string (<see cref="Write"/>): the key it is filed under.</summary>
    public string Encoded { get; }

    /// <summary>Gets the pair as an index key.</summary>
    public IndexKey Key => new(IndexKeyKind.Pair, Encoded, Pair: this);

    /// <summary>
    /// Returns the rarest pair of adjacent elements of a phrase without slop, or <see langword="null"/> when the phrase has
    /// slop or no two adjacent elements that are looked up whole (a run of unspaced script matches inside a token).
    /// </summary>
    public static PhrasePair? Choose(PhraseTerm phrase)
    {
        var elements = phrase.Elements;
        if (phrase.Slop != 0 || elements.Length < 2)
        {
            return null;
        }

        var best = -1;
        var bestCost = double.MaxValue;
        for (var i = 0; i + 1 < elements.Length; i++)
        {
            if (!IsPairable(elements[i]) || !IsPairable(elements[i + 1]))
            {
                continue;
            }

            var cost = QueryCompiler.ElementKey(elements[i]).Cost * QueryCompiler.ElementKey(elements[i + 1]).Cost;
            if (cost < bestCost)
            {
                (best, bestCost) = (i, cost);
            }
        }

        return best < 0 ? null : new PhrasePair(elements[best], elements[best + 1], QueryCompiler.ElementKey(elements[best]), QueryCompiler.ElementKey(elements[best + 1]));
    }

    // An element compared whole, with a key short enough for its length to be written in one character.
    private static bool IsPairable(in PhraseElement element) => IsPairable(element.Kind) && element.Key.Length <= char.MaxValue;

    /// <summary>Returns whether tokens of a kind are phrase elements compared whole (kind and key), so they can form a pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsPairable(TokenKind kind) =>
        kind is TokenKind.Word or TokenKind.Hashtag or TokenKind.Mention or TokenKind.Cashtag or TokenKind.Emoji or TokenKind.Url or TokenKind.Email;

    /// <summary>Gets the length of the encoding of a pair whose keys have the given lengths.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int EncodedLength(int firstLength, int secondLength) => firstLength + secondLength + 3;

    /// <summary>
    /// Writes a pair as one string: the first kind, the first key's length, the first key, the second kind and the second
    /// key, so that two different pairs never write the same string.
    /// </summary>
    /// <remarks>A first key longer than <see cref="char.MaxValue"/> is never filed (<see cref="Choose"/>), so no pair of the index collides with a post's.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Span<char> destination, TokenKind firstKind, ReadOnlySpan<char> first, TokenKind secondKind, ReadOnlySpan<char> second)
    {
        destination[0] = (char)firstKind;
        destination[1] = (char)first.Length;
        first.CopyTo(destination[2..]);
        destination[2 + first.Length] = (char)secondKind;
        second.CopyTo(destination[(3 + first.Length)..]);
    }

    private static string Encode(in PhraseElement first, in PhraseElement second) =>
        string.Create(EncodedLength(first.Key.Length, second.Key.Length), (First: first, Second: second), static (span, pair) =>
            Write(span, pair.First.Kind, pair.First.Key, pair.Second.Kind, pair.Second.Key));
}
