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

    /// <summary>Builds the trie of the given words and their costs.</summary>
    public WordTrie(IEnumerable<KeyValuePair<string, float>> words)
    {
        // Edges while building, keyed by parent node and letter; flattened below into each node's run of edges.
        var edges = new Dictionary<long, int>();
        var costs = new List<float> { float.NaN };
        foreach (var (word, cost) in words)
        {
            var node = Root;
            foreach (var letter in word)
            {
                var key = ((long)node << 16) | letter;
                if (!edges.TryGetValue(key, out var next))
                {
                    next = costs.Count;
                    costs.Add(float.NaN);
                    edges.Add(key, next);
                }

                node = next;
            }

            costs[node] = cost;
        }

        var sorted = edges.ToArray();
        Array.Sort(sorted, static (a, b) => a.Key.CompareTo(b.Key));
        _firstEdge = new int[costs.Count + 1];
        _edgeLetters = new char[sorted.Length];
        _edgeTargets = new int[sorted.Length];
        for (var edge = 0; edge < sorted.Length; edge++)
        {
            _firstEdge[(int)(sorted[edge].Key >> 16) + 1]++;
            _edgeLetters[edge] = (char)(sorted[edge].Key & 0xFFFF);
            _edgeTargets[edge] = sorted[edge].Value;
        }

        for (var node = 0; node < costs.Count; node++)
        {
            _firstEdge[node + 1] += _firstEdge[node];
        }

        _costs = [.. costs];
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
