using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Monitro.Matching;

/// <summary>
/// Merges occurrence lists by position. Every positional query part is evaluated to its <em>minimal</em> occurrences:
/// sorted by start, none containing another (so their ends are sorted too). On such lists a NEAR or a phrase is one
/// forward pass with a pointer per operand, never a pairing of every occurrence with every other, and its result is
/// again a minimal list no longer than its shortest operand (twice that for NEAR in either order).
/// </summary>
/// <remarks>
/// Each method adds to <c>steps</c> the occurrences it examined, so tests can bound the work without timing it.
/// </remarks>
internal static class PositionalMerge
{
    /// <summary>Sorts occurrences by position (if they are not sorted already) and keeps the minimal ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Minimize(List<Hit> hits, ref long steps)
    {
        var span = CollectionsMarshal.AsSpan(hits);
        steps += span.Length;
        for (var i = 1; i < span.Length; i++)
        {
            if (Compare(span[i - 1], span[i]) > 0)
            {
                SmallSort.Sort(span, default(ByPosition));
                steps += span.Length * (long)Math.Max(1, Math.ILogB(span.Length));
                break;
            }
        }

        var count = 0;
        foreach (var hit in span)
        {
            if (count > 0 && span[count - 1].Start == hit.Start)
            {
                // The hit starts where the last kept one does and ends no earlier: it contains it.
                if (span[count - 1].End == hit.End)
                {
                    span[count - 1] = span[count - 1].WithRangeOf(hit);
                }

                continue;
            }

            // Kept occurrences that end no earlier than this later-starting one contain it.
            while (count > 0 && span[count - 1].End >= hit.End)
            {
                count--;
            }

            span[count++] = hit;
        }

        CollectionsMarshal.SetCount(hits, count);
    }

    /// <summary>
    /// Adds the minimal occurrences of "an occurrence of <paramref name="left"/>, then one of <paramref name="right"/>
    /// starting after it ends with at most <paramref name="distance"/> positions between": for each left occurrence
    /// the first right one after it, which gives the shortest span.
    /// </summary>
    /// <param name="left">Minimal occurrences of the left operand (those without a position are skipped).</param>
    /// <param name="right">Minimal occurrences of the right operand.</param>
    /// <param name="distance">The most positions allowed between the two.</param>
    /// <param name="output">An empty list that receives the minimal spans, sorted.</param>
    /// <param name="stopAtFirst">Whether one span is enough (only the existence of a match is asked).</param>
    /// <param name="steps">Incremented by the work done.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FollowedBy(List<Hit> left, List<Hit> right, int distance, List<Hit> output, bool stopAtFirst, ref long steps)
    {
        var r = 0;
        foreach (var l in CollectionsMarshal.AsSpan(left))
        {
            steps++;
            if (l.Start < 0)
            {
                continue; // A link the platform reports outside the text has no position.
            }

            while (r < right.Count && right[r].Start <= l.End)
            {
                steps++;
                r++;
            }

            if (r == right.Count)
            {
                return;
            }

            if (right[r].Start - l.End - 1 > distance)
            {
                continue;
            }

            AddInOrder(output, Hit.Spanning(l, right[r]));

            if (stopAtFirst)
            {
                return;
            }
        }
    }

    /// <summary>Adds the minimal occurrences among two minimal lists to an empty output, sorted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Union(List<Hit> a, List<Hit> b, List<Hit> output, ref long steps)
    {
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            steps++;
            output.Add(j == b.Count || (i < a.Count && Compare(a[i], b[j]) <= 0) ? a[i++] : b[j++]);
        }

        Minimize(output, ref steps);
    }

    /// <summary>
    /// Adds the minimal windows of a phrase: elements at increasing positions with at most <paramref name="slop"/>
    /// other positions in total between the first and the last. From each occurrence of the first element every
    /// later element takes its earliest occurrence after the one before (the shortest window from that start); the
    /// pointers only move forward, since a later start never needs an earlier occurrence.
    /// </summary>
    /// <param name="elements">The occurrences of each element, sorted by position.</param>
    /// <param name="slop">The most other positions allowed in the window.</param>
    /// <param name="output">An empty list that receives the windows, sorted.</param>
    /// <param name="stopAtFirst">Whether one window is enough.</param>
    /// <param name="steps">Incremented by the work done.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Phrase(ReadOnlySpan<List<Hit>> elements, int slop, List<Hit> output, bool stopAtFirst, ref long steps)
    {
        Span<int> pointers = elements.Length <= 64 ? stackalloc int[elements.Length] : new int[elements.Length];
        pointers.Clear();
        var last = elements.Length - 1;
        foreach (var first in CollectionsMarshal.AsSpan(elements[0]))
        {
            steps++;
            var previous = first.Start;
            for (var e = 1; e <= last; e++)
            {
                var occurrences = elements[e];
                while (pointers[e] < occurrences.Count && occurrences[pointers[e]].Start <= previous)
                {
                    steps++;
                    pointers[e]++;
                }

                if (pointers[e] == occurrences.Count)
                {
                    return;
                }

                previous = occurrences[pointers[e]].Start;
            }

            if (previous - first.Start - last > slop)
            {
                continue;
            }

            AddInOrder(output, Hit.Spanning(first, elements[last][pointers[last]]));

            if (stopAtFirst)
            {
                return;
            }
        }
    }

    // Adds a span that starts after every span in the output and ends no earlier; one that ends where the last ends
    // (the same closing occurrence reached from a later start) is inside the last, which it replaces.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddInOrder(List<Hit> output, in Hit span)
    {
        if (output.Count > 0 && output[^1].End == span.End)
        {
            output[^1] = span;
        }
        else
        {
            output.Add(span);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Compare(in Hit a, in Hit b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);

    private readonly struct ByPosition : IComparer<Hit>
    {
        public int Compare(Hit x, Hit y) => PositionalMerge.Compare(x, y);
    }
}
