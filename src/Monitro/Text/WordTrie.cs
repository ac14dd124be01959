using System.Runtime.CompilerServices;

namespace Monitro.Text;

/// <summary>
/// The words of the segmenter's list as a trie: from a node, one step per letter, and the cost of the word that ends
/// at a node. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Each node's edges are a short run of (letter, node) pairs in flat arrays, searched in order: the list's 25,000 or so
/// nodes take a few hundred kilobytes, where a row of 26 children per node would take megabytes.
/// </remarks>
internal sealed class WordTrie
{
    /// <summary>The node every walk starts from (the empty word).</summary>
    public const int Root = 0;

    private readonly int[] _firstEdge;
    private readonly char[] _edgeLetters;
    private readonly int[] _edgeTargets;
    private readonly float[] _costs;

    /// <summary>Builds the trie of the given words and their costs (a word given twice keeps its last cost).</summary>
    /// <remarks>
    /// The list is read on the first hashtag a process segments, inside its stream of posts, so building uses plain
    /// arrays only (each node's children as a linked list, then flattened into runs of edges): no hashing, no sorting,
    /// no generic collection the runtime would first compile unoptimized.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WordTrie(ReadOnlySpan<string> words, ReadOnlySpan<float> costs)
    {
        // A node per letter at most; node 0 (the root) is never a child, so 0 also means "none".
        var capacity = 1;
        foreach (var word in words)
        {
            capacity += word.Length;
        }

        var firstChild = new int[capacity];
        var nextSibling = new int[capacity];
        var letters = new char[capacity];
        var nodeCosts = new float[capacity];
        for (var node = 0; node < capacity; node++)
        {
            nodeCosts[node] = float.NaN;
        }

        var count = 1;
        for (var w = 0; w < words.Length; w++)
        {
            var node = Root;
            foreach (var letter in words[w])
            {
                var child = firstChild[node];
                while (child != 0 && letters[child] != letter)
                {
                    child = nextSibling[child];
                }

                if (child == 0)
                {
                    child = count++;
                    letters[child] = letter;
                    nextSibling[child] = firstChild[node];
                    firstChild[node] = child;
                }

                node = child;
            }

            nodeCosts[node] = costs[w];
        }

        // Every node but the root is the target of one edge.
        _firstEdge = new int[count + 1];
        _edgeLetters = new char[count - 1];
        _edgeTargets = new int[count - 1];
        var edge = 0;
        for (var node = 0; node < count; node++)
        {
            _firstEdge[node] = edge;
            for (var child = firstChild[node]; child != 0; child = nextSibling[child])
            {
                _edgeLetters[edge] = letters[child];
                _edgeTargets[edge++] = child;
            }
        }

        _firstEdge[count] = edge;
        _costs = nodeCosts[..count];
    }

    /// <summary>Gets the node reached from <paramref name="node"/> by <paramref name="letter"/>, or -1 when no word goes on so.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Child(int node, char letter)
    {
        for (var edge = _firstEdge[node]; edge < _firstEdge[node + 1]; edge++)
        {
            if (_edgeLetters[edge] == letter)
            {
                return _edgeTargets[edge];
            }
        }

        return -1;
    }

    /// <summary>Gets the cost of the word that ends at the node, or <see cref="float.NaN"/> when no word ends there.</summary>
    public float Cost(int node) => _costs[node];
}
