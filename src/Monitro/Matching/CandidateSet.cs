using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>The distinct candidate watches found for one post; reused between posts by one thread.</summary>
internal sealed class CandidateSet
{
    private int[] _stamps = new int[64];
    private int _stamp;

    /// <summary>Gets the candidates in the order they were found.</summary>
    public List<int> Ids { get; } = new(64);

    /// <summary>Gets the occurrences of keyword watches' words found with the candidates.</summary>
    public KeywordHits KeywordHits { get; } = new();

    /// <summary>
    /// Gets or sets the sum of the values read ahead of the look-ups and evaluations of a post (<see cref="PostingTable.Touch"/>),
    /// kept only so that those reads are not left out; it means nothing else.
    /// </summary>
    public int Touched { get; set; }

    /// <summary>Starts a new post with room for <paramref name="watchCount"/> ids.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset(int watchCount)
    {
        Ids.Clear();
        KeywordHits.Reset();
        if (_stamps.Length < watchCount)
        {
            _stamps = new int[Math.Max(watchCount, _stamps.Length * 2)];
            _stamp = 0;
        }

        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    /// <summary>Adds the ids of a posting list, shifted by <paramref name="offset"/>, skipping those already added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddAll(ReadOnlySpan<int> postings, int offset)
    {
        foreach (var id in postings)
        {
            var global = id + offset;
            if (_stamps[global] != _stamp)
            {
                _stamps[global] = _stamp;
                Ids.Add(global);
            }
        }
    }
}
