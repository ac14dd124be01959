using System.Runtime.CompilerServices;
using Monitro.Text;

namespace Monitro.Matching;

/// <summary>
/// Finds a word inside hashtags and handles written without spaces: <c>acme</c> in <c>#acmerocks</c>, not
/// <c>sale</c> in <c>#wholesale</c>. An occurrence counts when it starts and ends on a word boundary of the
/// entity: the start or end of a part (split at <c>_</c>, <c>.</c>, case and digit changes) or a boundary between
/// the words <see cref="WordSegmenter"/> finds in a part of letters.
/// </summary>
/// <remarks>
/// Only called for posts whose hashtag or handle parts contain an indexed word, so segmentation stays off the
/// common path; a part is segmented once per post (<see cref="PartSegmentations"/>) however many words are looked for
/// in it. An occurrence that is exactly one part is not reported here: it is a word token of its own.
/// </remarks>
internal static class EntityWordMatcher
{
    /// <summary>Returns whether the word occurs inside a hashtag or handle of the analysis on word boundaries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Occurs(string word, PostContext post) => Scan(word, post, hits: null);

    /// <summary>Adds an occurrence for each place the word occurs inside a hashtag or handle on word boundaries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddHits(string word, PostContext post, List<Hit> hits) => Scan(word, post, hits);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Scan(string word, PostContext post, List<Hit>? hits)
    {
        var analysis = post.Analysis;
        var tokens = analysis.Tokens;
        var found = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind is not (TokenKind.Hashtag or TokenKind.Mention))
            {
                continue;
            }

            var first = i + 1;
            var last = first;
            while (last < tokens.Length && tokens[last].IsEntityPart)
            {
                last++;
            }

            if (last == first)
            {
                continue;
            }

            var parts = tokens[first..last];
            var bodyStart = parts[0].KeyStart;
            var body = analysis.Text.Slice(bodyStart, parts[^1].KeyStart + parts[^1].KeyLength - bodyStart);
            for (var at = body.IndexOf(word, StringComparison.Ordinal); at >= 0; at = Next(body, word, at))
            {
                var start = bodyStart + at;
                var end = start + word.Length;
                var startPart = PartAt(parts, start);
                var endPart = PartAt(parts, end - 1);
                if (startPart < 0 || endPart < 0 || IsWholePart(parts[startPart], start, end)
                    || !IsBoundary(post, first + startPart, start) || !IsBoundary(post, first + endPart, end))
                {
                    continue;
                }

                if (hits is null)
                {
                    return true;
                }

                found = true;
                var from = parts[startPart];
                var to = parts[endPart];
                hits.Add(new Hit(from.Position, to.LastPosition, from.OriginalStart, to.OriginalStart + to.OriginalLength));
            }

            i = last - 1;
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Next(ReadOnlySpan<char> body, string word, int at)
    {
        var next = body[(at + 1)..].IndexOf(word, StringComparison.Ordinal);
        return next < 0 ? -1 : at + 1 + next;
    }

    // The part that holds folded character index (parts are in text order); -1 for a separator between parts.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PartAt(ReadOnlySpan<Token> parts, int index)
    {
        var low = 0;
        var high = parts.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (index < parts[middle].KeyStart)
            {
                high = middle - 1;
            }
            else if (index >= parts[middle].KeyStart + parts[middle].KeyLength)
            {
                low = middle + 1;
            }
            else
            {
                return middle;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsWholePart(in Token part, int start, int end) => start == part.KeyStart && end == part.KeyStart + part.KeyLength;

    // Whether a word may start (or end) at a folded index of a part: at its edges, or between two words of a part of letters.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsBoundary(PostContext post, int token, int index)
    {
        ref readonly var part = ref post.Analysis.Tokens[token];
        return index == part.KeyStart || index == part.KeyStart + part.KeyLength
            || IsListed(post.Segmentations.Of(post.Analysis, token), index - part.KeyStart);
    }

    // A part's few boundaries, read in a loop compiled with this class rather than by the library's generic search,
    // which a process that sees one CPU would run unoptimized for its first seconds.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsListed(ReadOnlySpan<int> boundaries, int offset)
    {
        foreach (var boundary in boundaries)
        {
            if (boundary == offset)
            {
                return true;
            }
        }

        return false;
    }
}
