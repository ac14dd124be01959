using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// The stretches of a folded text that hold everything the watches triggered by its anchor occurrences can match: the
/// chunk of each occurrence (its characters between separators, <see cref="SocialTokenizer.IsSeparator"/>), widened by
/// as many chunks with words as the phrases it triggers may reach, merged where they overlap or only separators lie
/// between them. Tokenizing the stretches alone gives the tokens the whole text has there
/// (<see cref="SocialTokenizer.TokenizeRange"/>). Reused between posts by one thread.
/// </summary>
/// <remarks>
/// A chunk holding an ASCII letter or digit has at least one word position (every such character starts or is inside a
/// token of the text), so widening by that many chunks covers at least the phrase's reach in positions; chunks of
/// other characters are counted as none, which only widens more. Stretches that are not next to each other are
/// tokenized <see cref="PositionGap"/> positions apart, more than any phrase the deciders take can span. The walk
/// over the text is bounded by twice its length; beyond it the post takes the full path.
/// </remarks>
internal sealed class HitRegions
{
    /// <summary>The widest reach (other words a phrase may span from one of its words) a decided phrase may have.</summary>
    public const int MaxReach = byte.MaxValue - 1;

    /// <summary>The positions left between two stretches that are not next to each other.</summary>
    public const int PositionGap = MaxReach + 2;

    private readonly int[] _starts = new int[WordHitDecider.MaxHits];
    private readonly int[] _ends = new int[WordHitDecider.MaxHits];
    private int _count;

    /// <summary>
    /// Finds the stretches for the occurrences, in the order they end; <see langword="false"/> when the walk over the
    /// text would exceed its bound.
    /// </summary>
    /// <param name="text">The folded text (no ASCII capitals).</param>
    /// <param name="hits">The anchor occurrences, in the order they end.</param>
    /// <param name="reachOf">By pattern: how many chunks with words on each side the watches it triggers may reach.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryCollect(ReadOnlySpan<char> text, ReadOnlySpan<AnchorHit> hits, byte[] reachOf)
    {
        _count = 0;
        var budget = (2 * text.Length) + 256;
        foreach (var hit in hits)
        {
            var start = ChunkStart(text, hit.End - 1, ref budget);
            var end = ChunkEnd(text, hit.End - 1, ref budget);
            for (var need = (int)reachOf[hit.Pattern]; need > 0 && start > 0;)
            {
                start = PreviousChunkStart(text, start, ref budget, out var words);
                need -= words;
            }

            for (var need = (int)reachOf[hit.Pattern]; need > 0 && end < text.Length;)
            {
                end = NextChunkEnd(text, end, ref budget, out var words);
                need -= words;
            }

            if (budget < 0)
            {
                return false;
            }

            Add(text, start, end);
        }

        return true;
    }

    /// <summary>Replaces the analysis' tokens with those of the stretches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tokenize(TextAnalysis analysis)
    {
        analysis.ClearTokens();
        var position = 0;
        for (var r = 0; r < _count; r++)
        {
            SocialTokenizer.TokenizeRange(analysis, _starts[r], _ends[r], ref position);
            position += PositionGap;
        }

        analysis.PositionCount = position;
    }

    // Adds a stretch after those found so far (it ends after the last one starts: the occurrences come in the order
    // they end), merged with those it overlaps or touches across separators only.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(ReadOnlySpan<char> text, int start, int end)
    {
        while (_count > 0 && (start <= _ends[_count - 1] || OnlySeparators(text[_ends[_count - 1]..start])))
        {
            _count--;
            start = Math.Min(start, _starts[_count]);
            end = Math.Max(end, _ends[_count]);
        }

        _starts[_count] = start;
        _ends[_count] = end;
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool OnlySeparators(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!SocialTokenizer.IsSeparator(c))
            {
                return false;
            }
        }

        return true;
    }

    // The start of the chunk holding index at.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ChunkStart(ReadOnlySpan<char> text, int at, ref int budget)
    {
        var start = at;
        while (start > 0 && !SocialTokenizer.IsSeparator(text[start - 1]))
        {
            start--;
        }

        budget -= at - start;
        return start;
    }

    // The end of the chunk holding index at.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ChunkEnd(ReadOnlySpan<char> text, int at, ref int budget)
    {
        var end = at + 1;
        while (end < text.Length && !SocialTokenizer.IsSeparator(text[end]))
        {
            end++;
        }

        budget -= end - at;
        return end;
    }

    // The start of the chunk before the one starting at start (past the separators between), and whether it has words.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PreviousChunkStart(ReadOnlySpan<char> text, int start, ref int budget, out int words)
    {
        var end = start;
        while (end > 0 && SocialTokenizer.IsSeparator(text[end - 1]))
        {
            end--;
        }

        var previous = end;
        while (previous > 0 && !SocialTokenizer.IsSeparator(text[previous - 1]))
        {
            previous--;
        }

        budget -= start - previous;
        words = HasWord(text[previous..end]) ? 1 : 0;
        return previous;
    }

    // The end of the chunk after the one ending at end (past the separators between), and whether it has words.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextChunkEnd(ReadOnlySpan<char> text, int end, ref int budget, out int words)
    {
        var start = end;
        while (start < text.Length && SocialTokenizer.IsSeparator(text[start]))
        {
            start++;
        }

        var next = start;
        while (next < text.Length && !SocialTokenizer.IsSeparator(text[next]))
        {
            next++;
        }

        budget -= next - end;
        words = HasWord(text[start..next]) ? 1 : 0;
        return next;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasWord(ReadOnlySpan<char> chunk) =>
        chunk.IndexOfAnyInRange('a', 'z') >= 0 || chunk.IndexOfAnyInRange('0', '9') >= 0;
}
