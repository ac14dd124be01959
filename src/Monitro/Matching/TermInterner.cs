using System.Numerics;

namespace Monitro.Matching;

/// <summary>
/// Hands out one string per distinct folded term for the queries compiled together, so that watches sharing a term
/// (a brand in many watches, a common word in many phrases) share its string, and a term already seen costs a look-up
/// by span instead of a new string.
/// </summary>
/// <remarks>
/// Its own open-addressing table rather than a set with a span look-up: that look-up is a generic instantiation the
/// library's precompiled code does not contain, so on a process with one CPU the runtime ran it unoptimized through
/// most of a large compile (and spent CPU time compiling it twice). Not safe to share between threads: one instance
/// serves one batch of watches compiled on one thread.
/// </remarks>
internal sealed class TermInterner
{
    // The terms and their hashes by slot; a power of two at least twice the number of terms, so probes stay short.
    private string?[] _terms;
    private int[] _hashes;

    /// <summary>Initializes an empty interner with room for about <paramref name="expectedTerms"/> terms before it grows.</summary>
    public TermInterner(int expectedTerms = 0)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(expectedTerms, 4) * 2);
        _terms = new string?[size];
        _hashes = new int[size];
    }

    /// <summary>Gets the number of distinct terms handed out.</summary>
    public int Count { get; private set; }

    /// <summary>Returns the string of a term: the one handed out before for the same characters, or a new one.</summary>
    public string Intern(ReadOnlySpan<char> term)
    {
        var hash = string.GetHashCode(term);
        var mask = _terms.Length - 1;
        var i = hash & mask;
        for (; _terms[i] is { } known; i = (i + 1) & mask)
        {
            if (_hashes[i] == hash && term.SequenceEqual(known))
            {
                return known;
            }
        }

        var created = term.ToString();
        if ((Count + 1) * 2 > _terms.Length)
        {
            Grow();
            mask = _terms.Length - 1;
            i = hash & mask;
            while (_terms[i] is not null)
            {
                i = (i + 1) & mask;
            }
        }

        _terms[i] = created;
        _hashes[i] = hash;
        Count++;
        return created;
    }

    private void Grow()
    {
        var (terms, hashes) = (_terms, _hashes);
        _terms = new string?[terms.Length * 2];
        _hashes = new int[terms.Length * 2];
        var mask = _terms.Length - 1;
        for (var slot = 0; slot < terms.Length; slot++)
        {
            if (terms[slot] is { } term)
            {
                var i = hashes[slot] & mask;
                while (_terms[i] is not null)
                {
                    i = (i + 1) & mask;
                }

                _terms[i] = term;
                _hashes[i] = hashes[slot];
            }
        }
    }
}
