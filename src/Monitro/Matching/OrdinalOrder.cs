namespace Monitro.Matching;

/// <summary>Puts strings in ordinal order by their first characters as numbers, comparing whole strings only where those tie.</summary>
/// <remarks>
/// The anchors' automaton of 100,000 watches is built from a few hundred thousand patterns in ordinal order. Sorting
/// their numbers with a comparison of the strings read two strings spread over the heap per comparison, millions of
/// times, through a delegate; here each string is read once to make a number of its first four characters (the
/// characters as 16-bit digits, a missing one as 0, so the numbers' order is the strings' ordinal order wherever they
/// differ), the numbers are sorted as numbers, and only runs of equal numbers are sorted again by the next four
/// characters and, where those tie too, by the strings themselves.
/// </remarks>
internal static class OrdinalOrder
{
    private const int CharsPerKey = 4;

    // Beyond this many characters in common, runs are sorted by comparing the strings.
    private const int MaxKeyedChars = 64;

    // Runs of equal keys up to this length are put in order by insertion.
    private const int InsertionLimit = 8;

    /// <summary>Returns the indices of <paramref name="texts"/> in the ordinal order of the texts (equal texts in any order).</summary>
    public static int[] Of(IReadOnlyList<string> texts)
    {
        var order = new int[texts.Count];
        var keys = new ulong[texts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = Key(texts[i], 0);
        }

        Array.Sort(keys, order);
        SortTies(texts, keys, order, 0, order.Length, 0);
        return order;
    }

    // Sorts each run of equal keys in order[from..end) by the next characters, from the key's characters on.
    private static void SortTies(IReadOnlyList<string> texts, ulong[] keys, int[] order, int from, int end, int offset)
    {
        var start = from;
        while (start < end)
        {
            var runEnd = start + 1;
            while (runEnd < end && keys[runEnd] == keys[start])
            {
                runEnd++;
            }

            if (runEnd - start > 1)
            {
                SortRun(texts, keys, order, start, runEnd, offset);
            }

            start = runEnd;
        }
    }

    // The texts of order[from..end) agree on their characters before offset + CharsPerKey.
    private static void SortRun(IReadOnlyList<string> texts, ulong[] keys, int[] order, int from, int end, int offset)
    {
        if (end - from <= InsertionLimit)
        {
            for (var i = from + 1; i < end; i++)
            {
                var item = order[i];
                var j = i - 1;
                while (j >= from && string.CompareOrdinal(texts[order[j]], texts[item]) > 0)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = item;
            }

            return;
        }

        var next = offset + CharsPerKey;
        if (next >= MaxKeyedChars)
        {
            // A hostile set of many patterns with a long beginning in common: compare the strings.
            Array.Sort(order, from, end - from, Comparer<int>.Create((a, b) => string.CompareOrdinal(texts[a], texts[b])));
            return;
        }

        for (var i = from; i < end; i++)
        {
            keys[i] = Key(texts[order[i]], next);
        }

        Array.Sort(keys, order, from, end - from);
        SortTies(texts, keys, order, from, end, next);
    }

    // The characters text[offset .. offset + 4) as the digits of a number, most significant first, a missing one as 0.
    private static ulong Key(string text, int offset)
    {
        var key = 0UL;
        for (var i = offset; i < offset + CharsPerKey; i++)
        {
            key = (key << 16) | (i < text.Length ? text[i] : 0u);
        }

        return key;
    }
}
