using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// What a matcher matches against at one moment: indexes of decreasing size (the main index first, the most
/// recently added watches last). Immutable; a matcher swaps whole snapshots.
/// </summary>
internal sealed partial class MatcherSnapshot
{
    private readonly int[] _offsets;

    /// <summary>Initializes a new instance of the <see cref="MatcherSnapshot"/> class.</summary>
    public MatcherSnapshot(WatchIndex[] levels)
    {
        Levels = levels;
        _offsets = new int[levels.Length];
        var offset = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            _offsets[i] = offset;
            offset += levels[i].Watches.Length;
        }

        Count = offset;
        FindAnchorTexts(levels);
    }

    /// <summary>Gets the indexes, largest first.</summary>
    public WatchIndex[] Levels { get; }

    /// <summary>Gets the number of candidate ids (ids of level <c>i</c> start at the sum of the sizes before it).</summary>
    public int Count { get; }

    /// <summary>Gets a watch by candidate id.</summary>
    public CompiledWatch this[int id]
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get
        {
            var level = _offsets.Length - 1;
            while (_offsets[level] > id)
            {
                level--;
            }

            return Levels[level].Watches[id - _offsets[level]];
        }
    }

    /// <summary>Adds the candidates of a post from every level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(PostContext post, CandidateSet candidates)
    {
        for (var i = 0; i < Levels.Length; i++)
        {
            Levels[i].Collect(post, candidates, _offsets[i]);
        }
    }
}
