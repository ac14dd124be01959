using System.Runtime.CompilerServices;

namespace Monitro.Text;

/// <summary>A fixed set of strings, sorted once and looked up by span with a binary search.</summary>
/// <remarks>
/// The link scanner's lists (top-level domains, multi-label public suffixes) are built when a process meets its first
/// link, inside its stream of posts: sorting a few hundred strings costs far less than building a frozen set, and the
/// search (about ten ordinal comparisons) is compiled optimized at its first call.
/// </remarks>
internal sealed class SortedStrings
{
    private readonly string[] _items;

    /// <summary>Initializes a new instance of the <see cref="SortedStrings"/> class.</summary>
    public SortedStrings(IEnumerable<string> items)
    {
        _items = [.. items];
        Array.Sort(_items, StringComparer.Ordinal);
    }

    /// <summary>Returns whether the set holds the value (compared ordinally).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(ReadOnlySpan<char> value)
    {
        var low = 0;
        var high = _items.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = value.SequenceCompareTo(_items[middle]);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return false;
    }
}
