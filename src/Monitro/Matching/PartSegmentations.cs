using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// The word boundaries <see cref="WordSegmenter"/> finds inside the hashtag and handle parts of one post, each part
/// segmented at most once per post, and a part met in a recent post not again (<see cref="SegmentationCache"/>).
/// Reused between posts by one thread.
/// </summary>
/// <remarks>
/// Every candidate word of a post that occurs inside a part asks for the part's boundaries, and at 100,000 watches a
/// post has several such words in the same part; segmenting costs up to <see cref="WordSegmenter.MaxWordLength"/>
/// word-list look-ups per letter, so it is done once and kept.
/// </remarks>
internal sealed class PartSegmentations
{
    private const int NotSegmented = -1;

    // By token index: where the token's boundaries start in _boundaries, or NotSegmented; valid for the first
    // _tokenCount tokens, cleared lazily (only a post that asks pays for the clearing).
    private int[] _first = new int[64];
    private int[] _count = new int[64];
    private int[] _boundaries = new int[64];
    private int _used;
    private int _tokenCount = -1;

    // Kept across posts: the same parts come back.
    private readonly SegmentationCache _cache = new();

    /// <summary>Forgets the parts of the post before.</summary>
    public void Reset() => _tokenCount = -1;

    /// <summary>
    /// Gets the inner word starts of a part (offsets from the start of its key), ascending: empty for a part that is
    /// not a run of 2 to <see cref="WordSegmenter.MaxRunLength"/> lower-case ASCII letters.
    /// </summary>
    /// <param name="analysis">The post's analysis.</param>
    /// <param name="token">The index of the part among the analysis' tokens.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<int> Of(TextAnalysis analysis, int token)
    {
        if (_tokenCount < 0)
        {
            Start(analysis.Tokens.Length);
        }

        if (_first[token] == NotSegmented)
        {
            Segment(analysis.Key(analysis.Tokens[token]), token);
        }

        return _boundaries.AsSpan(_first[token], _count[token]);
    }

    // Called for every post that segments a part: compiled optimized at once, and filled by a loop of its own rather
    // than the library's generic fill, which a process that sees one CPU would run unoptimized for its first seconds.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Start(int tokens)
    {
        if (_first.Length < tokens)
        {
            _first = new int[tokens];
            _count = new int[tokens];
        }

        for (var i = 0; i < tokens; i++)
        {
            _first[i] = NotSegmented;
        }

        _tokenCount = tokens;
        _used = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Segment(ReadOnlySpan<char> letters, int token)
    {
        var count = 0;
        if (letters.Length <= WordSegmenter.MaxRunLength && !letters.ContainsAnyExceptInRange('a', 'z'))
        {
            // Room for every inner boundary a part can have (one fewer than its letters).
            if (_boundaries.Length - _used < letters.Length)
            {
                Array.Resize(ref _boundaries, Math.Max(_boundaries.Length * 2, _used + letters.Length));
            }

            var boundaries = _boundaries.AsSpan(_used, letters.Length);
            if (!_cache.TryGet(letters, boundaries, out count))
            {
                count = WordSegmenter.Segment(letters, boundaries);
                _cache.Add(letters, boundaries[..count]);
            }
        }

        _first[token] = _used;
        _count[token] = count;
        _used += count;
    }
}
