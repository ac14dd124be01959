namespace Monitro.Matching;

/// <summary>
/// An Aho-Corasick automaton over UTF-16 code units that reports which patterns occur in a text, in one pass.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
internal sealed class AhoCorasick
{
    private const int Root = 0;

    // Goto edges keyed by (state << 16 | char).
    private readonly Dictionary<long, int> _edges;
    private readonly int[] _failure;

    // For each state: the pattern ending there, or -1; and the nearest state on the failure chain with a pattern.
    private readonly int[] _pattern;
    private readonly int[] _outputLink;

    /// <summary>Builds the automaton; pattern <c>i</c> is reported as <c>i</c>.</summary>
    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var capacity = 1;
        foreach (var text in patterns)
        {
            capacity += text.Length;
        }

        _edges = new Dictionary<long, int>(capacity);
        var pattern = new List<int>(capacity) { -1 };
        var children = new List<List<int>?>(capacity) { null };
        for (var p = 0; p < patterns.Count; p++)
        {
            var state = Root;
            foreach (var c in patterns[p])
            {
                if (!_edges.TryGetValue(Key(state, c), out var next))
                {
                    next = pattern.Count;
                    pattern.Add(-1);
                    children.Add(null);
                    _edges.Add(Key(state, c), next);
                    (children[state] ??= []).Add(next);
                }

                state = next;
            }

            if (patterns[p].Length > 0)
            {
                pattern[state] = p;
            }
        }

        _pattern = [.. pattern];
        _failure = new int[_pattern.Length];
        _outputLink = new int[_pattern.Length];
        Array.Fill(_outputLink, -1);
        var characterOf = new char[_pattern.Length];
        foreach (var edge in _edges)
        {
            characterOf[edge.Value] = (char)(edge.Key & 0xFFFF);
        }

        // Breadth-first, so every failure target is finished before it is used.
        var queue = new Queue<int>();
        queue.Enqueue(Root);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (children[state] is not { } next)
            {
                continue;
            }

            foreach (var child in next)
            {
                var c = characterOf[child];
                var fallback = _failure[state];
                int target;
                if (state == Root)
                {
                    target = Root;
                }
                else
                {
                    while (!_edges.TryGetValue(Key(fallback, c), out target))
                    {
                        if (fallback == Root)
                        {
                            target = Root;
                            break;
                        }

                        fallback = _failure[fallback];
                    }
                }

                _failure[child] = target;
                _outputLink[child] = _pattern[target] >= 0 ? target : _outputLink[target];
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Gets the number of states.</summary>
    public int StateCount => _pattern.Length;

    /// <summary>Calls <paramref name="onMatch"/> with the index of every pattern occurrence in <paramref name="text"/>.</summary>
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, MatchHandler<TState> onMatch)
    {
        var current = Root;
        foreach (var c in text)
        {
            int next;
            while (!_edges.TryGetValue(Key(current, c), out next))
            {
                if (current == Root)
                {
                    next = Root;
                    break;
                }

                current = _failure[current];
            }

            current = next;
            for (var output = _pattern[current] >= 0 ? current : _outputLink[current]; output >= 0; output = _outputLink[output])
            {
                onMatch(ref state, _pattern[output]);
            }
        }
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;
}

/// <summary>Receives a pattern found by <see cref="AhoCorasick.Scan{TState}"/>.</summary>
internal delegate void MatchHandler<TState>(ref TState state, int pattern);
