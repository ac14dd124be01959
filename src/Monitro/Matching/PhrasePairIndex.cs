using System.Numerics;
using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// The watches of an index filed under a pair of adjacent phrase elements (<see cref="PhrasePair"/>), and how a post
/// finds them: a token whose key is the element some pair is found from is paired with each token of the next (or
/// previous) word position, and the pair is looked up. Filled, then frozen; safe to share between threads once frozen.
/// </summary>
/// <remarks>
/// The tokens of a post come in the order of their word positions (tokens derived from one another share one, links
/// that are not in the text come last with none), so the tokens of a neighbouring position are the ones right beside a
/// token's own position in the list.
/// </remarks>
internal sealed class PhrasePairIndex
{
    // Two bits per bucket of key hashes: bit 0 when a pair is found from a token with such a key by looking at the next
    // position, bit 1 by looking at the previous one. A bucket set by another key only costs a look-up that finds nothing;
    // with eight buckets per key that is about one token in eight of those a post would otherwise look up.
    private const int BucketsPerKey = 8;
    private const int Forward = 1;
    private const int Backward = 2;

    private readonly PostingTable _postings = new();
    private List<(int Hash, int Direction)> _anchors = [];
    private ulong[] _directions = [0];
    private int _bucketMask = 31;
    private int _longestPair;

    /// <summary>Gets the number of distinct pairs.</summary>
    public int Count => _postings.Count;

    /// <summary>Files a watch under a pair; ids must be added in ascending order.</summary>
    public void Add(PhrasePair pair, int id)
    {
        _postings.Add(pair.Encoded, id);
        _anchors.Add((string.GetHashCode(pair.Anchor.Key), pair.FoundFromFirst ? Forward : Backward));
        _longestPair = Math.Max(_longestPair, pair.Encoded.Length);
    }

    /// <summary>Freezes the pairs and marks the keys they are found from; call once, after the last <see cref="Add"/>.</summary>
    public PhrasePairIndex Freeze()
    {
        _postings.Freeze();
        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(32, _anchors.Count * BucketsPerKey));
        _directions = new ulong[buckets / 32];
        _bucketMask = buckets - 1;
        foreach (var (hash, direction) in _anchors)
        {
            var bucket = hash & _bucketMask;
            _directions[bucket >> 5] |= (ulong)direction << ((bucket & 31) * 2);
        }

        _anchors = [];
        return this;
    }

    /// <summary>Adds the watches of the pairs a token forms with the tokens of the next and previous word positions.</summary>
    /// <param name="post">The post.</param>
    /// <param name="token">The index of the token in the post's tokens.</param>
    /// <param name="candidates">The candidates to add to.</param>
    /// <param name="offset">The offset of this index's ids in the candidate ids.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(PostContext post, int token, CandidateSet candidates, int offset)
    {
        var bucket = post.Terms.KeyHash(token) & _bucketMask;
        var direction = (int)(_directions[bucket >> 5] >> ((bucket & 31) * 2)) & (Forward | Backward);
        var tokens = post.Analysis.Tokens;
        var position = tokens[token].Position;
        if (direction == 0 || position < 0 || !PhrasePair.IsPairable(tokens[token].Kind))
        {
            return;
        }

        if ((direction & Forward) != 0)
        {
            for (var next = token + 1; next < tokens.Length && tokens[next].Position <= position + 1; next++)
            {
                if (tokens[next].Position == position + 1)
                {
                    LookUp(post.Analysis, tokens[token], tokens[next], candidates, offset);
                }
            }
        }

        if ((direction & Backward) != 0)
        {
            for (var previous = token - 1; previous >= 0 && tokens[previous].Position >= position - 1; previous--)
            {
                if (tokens[previous].Position == position - 1)
                {
                    LookUp(post.Analysis, tokens[previous], tokens[token], candidates, offset);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LookUp(TextAnalysis analysis, in Token first, in Token second, CandidateSet candidates, int offset)
    {
        var length = PhrasePair.EncodedLength(first.KeyLength, second.KeyLength);
        if (length > _longestPair || first.KeyLength > char.MaxValue || !PhrasePair.IsPairable(second.Kind))
        {
            return;
        }

        Span<char> pair = length <= 128 ? stackalloc char[length] : new char[length];
        PhrasePair.Write(pair, first.Kind, analysis.Key(first), second.Kind, analysis.Key(second));
        if (_postings.TryGetValue(pair, out var postings))
        {
            candidates.AddAll(postings, offset);
        }
    }
}
