using System.Runtime.CompilerServices;

namespace Monitro.Matching;

/// <summary>
/// Sorts the short lists one post produces (the spans of a mention, the occurrences of a term, the mentions of a post)
/// by insertion, and longer ones with the library's sort.
/// </summary>
/// <remarks>
/// These lists mostly hold one to four items. The library's sort is generic code the runtime compiles unoptimized at its
/// first call and, on a process that sees one CPU, may keep so for the whole stream; this one is compiled optimized at
/// once, for each comparer, and does no more than a few comparisons on a short list.
/// </remarks>
internal static class SmallSort
{
    // Up to this length insertion sort does fewer than 16 × 15 / 2 comparisons, whatever the order.
    private const int InsertionLimit = 16;

    /// <summary>Sorts the items in place by the comparer (equal items keep their order up to <see cref="InsertionLimit"/> items).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort<T, TComparer>(Span<T> items, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        if (items.Length > InsertionLimit)
        {
            items.Sort(comparer);
            return;
        }

        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && comparer.Compare(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }
}
