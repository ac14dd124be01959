using System.Buffers;
using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// A hash table from (token kind, folded key) to the post's tokens with that key, built once per post so that a
/// candidate watch checks a term with one lookup instead of a scan. Reused between posts by one thread.
/// </summary>
internal sealed class PostTermTable : IDisposable
{
    private int[] _buckets = ArrayPool<int>.Shared.Rent(128);
    private int[] _next = ArrayPool<int>.Shared.Rent(64);
    private int[] _hashes = ArrayPool<int>.Shared.Rent(64);
    private int _mask;
    private TextAnalysis? _analysis;

    /// <summary>Gets whether the post has hashtag or handle parts (where longer words also match as substrings).</summary>
    public bool HasEntityParts { get; private set; }

    /// <summary>Indexes the tokens of an analysis.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Build(TextAnalysis analysis)
    {
        _analysis = analysis;
        var tokens = analysis.Tokens;
        var size = 16;
        while (size < tokens.Length * 2)
        {
            size *= 2;
        }

        if (_buckets.Length < size)
        {
            ArrayPool<int>.Shared.Return(_buckets);
            _buckets = ArrayPool<int>.Shared.Rent(size);
        }

        if (_next.Length < tokens.Length)
        {
            ArrayPool<int>.Shared.Return(_next);
            ArrayPool<int>.Shared.Return(_hashes);
            _next = ArrayPool<int>.Shared.Rent(tokens.Length);
            _hashes = ArrayPool<int>.Shared.Rent(tokens.Length);
        }

        _mask = size - 1;
        _buckets.AsSpan(0, size).Fill(-1);
        HasEntityParts = false;

        // Insert in reverse so each chain lists tokens in text order.
        for (var i = tokens.Length - 1; i >= 0; i--)
        {
            var hash = string.GetHashCode(analysis.Key(tokens[i]));
            _hashes[i] = hash;
            var bucket = hash & _mask;
            _next[i] = _buckets[bucket];
            _buckets[bucket] = i;
            HasEntityParts |= tokens[i].IsEntityPart;
        }
    }

    /// <summary>Gets the hash of the key of a token (<c>string.GetHashCode</c> of the key), computed once per post.</summary>
    public int KeyHash(int token) => _hashes[token];

    /// <summary>Returns the index of the next token after token <paramref name="after"/> (or the first, with -1) with the kind and key, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(TokenKind kind, ReadOnlySpan<char> key, int after = -1)
    {
        var analysis = _analysis!;
        var tokens = analysis.Tokens;
        var index = after < 0 ? _buckets[string.GetHashCode(key) & _mask] : _next[after];
        while (index >= 0)
        {
            ref readonly var token = ref tokens[index];
            if (token.Kind == kind && token.KeyLength == key.Length && analysis.Key(token).SequenceEqual(key))
            {
                return index;
            }

            index = _next[index];
        }

        return -1;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_buckets);
        ArrayPool<int>.Shared.Return(_next);
        ArrayPool<int>.Shared.Return(_hashes);
        _buckets = [];
        _next = [];
        _hashes = [];
    }
}
