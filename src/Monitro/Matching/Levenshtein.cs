namespace Monitro.Matching;

/// <summary>Bounded Levenshtein distance.</summary>
internal static class Levenshtein
{
    /// <summary>Returns whether <paramref name="a"/> and <paramref name="b"/> are within <paramref name="maxEdits"/> insertions, deletions or substitutions.</summary>
    public static bool IsWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int maxEdits)
    {
        if (Math.Abs(a.Length - b.Length) > maxEdits)
        {
            return false;
        }

        // Two rows on the stack for words of ordinary length; a long fuzzy term still gets its edits.
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > maxEdits)
            {
                return false;
            }

            current.CopyTo(previous);
        }

        return previous[b.Length] <= maxEdits;
    }
}
