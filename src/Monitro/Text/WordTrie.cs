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
        var children = new List<SortedDictionary<char, int>> { new() };
        var costs = new List<float> { float.NaN };
        foreach (var (word, cost) in words)
        {
            var node = Root;
            foreach (var letter in word)
            {
                if (!children[node].TryGetValue(letter, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    costs.Add(float.NaN);
                    children[node][letter] = next;
                }

                node = next;
            }

            costs[node] = cost;
        }

        _firstEdge = new int[children.Count + 1];
        for (var node = 0; node < children.Count; node++)
        {
            _firstEdge[node + 1] = _firstEdge[node] + children[node].Count;
        }

        _edgeLetters = new char[_firstEdge[^1]];
        _edgeTargets = new int[_firstEdge[^1]];
        for (var node = 0; node < children.Count; node++)
        {
            var edge = _firstEdge[node];
            foreach (var (letter, target) in children[node])
            {
                _edgeLetters[edge] = letter;
                _edgeTargets[edge++] = target;
            }
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
