using Monitro.Matching;

namespace Monitro.Orleans.PreSearch;

/// <summary>
/// Keeps the shape of the pre-search index (<see cref="PreSearchShape"/>) as watches come and go: how many watches
/// contribute each key length, fuzzy reach, always-sent shard and tenant, so removing a watch takes back exactly what
/// it added.
/// </summary>
internal sealed class PreSearchShapeBuilder
{
    private readonly Dictionary<int, int> _prefixes = [];
    private readonly Dictionary<int, int> _substrings = [];
    private readonly Dictionary<int, int> _entityWords = [];
    private readonly Dictionary<int, int> _exact = [];
    private readonly Dictionary<int, int> _fuzzyEdits = [];
    private readonly Dictionary<int, int> _fuzzyReach = [];
    private readonly Dictionary<int, int> _always = [];
    private readonly Dictionary<string, int> _tenants = new(StringComparer.Ordinal);

    /// <summary>Counts what one watch adds to the shape (<paramref name="delta"/> 1), or takes it back (-1).</summary>
    /// <param name="tenantId">The tenant of the watch.</param>
    /// <param name="always">The shard of the watch when it has no required term (every post goes there), else -1.</param>
    /// <param name="keys">What the shape needs of the watch's required keys.</param>
    /// <param name="delta">1 to add, -1 to take back.</param>
    public void Count(string tenantId, int always, ReadOnlySpan<Key> keys, int delta)
    {
        Count(_tenants, tenantId, delta);
        if (always >= 0)
        {
            Count(_always, always, delta);
        }

        foreach (var key in keys)
        {
            switch (key.Kind)
            {
                case IndexKeyKind.Prefix:
                    Count(_prefixes, key.Length, delta);
                    break;
                case IndexKeyKind.Substring:
                    Count(_substrings, key.Length, delta);
                    break;
                case IndexKeyKind.EntitySubstring:
                    Count(_entityWords, key.Length, delta);
                    break;
                case IndexKeyKind.Exact:
                    Count(_exact, key.Length, delta);
                    break;
                case IndexKeyKind.Fuzzy:
                    // As the single-process index: the largest edits and the longest word within reach of any fuzzy key.
                    Count(_fuzzyEdits, key.MaxEdits, delta);
                    Count(_fuzzyReach, key.Length + key.MaxEdits, delta);
                    break;
            }
        }
    }

    /// <summary>Forgets every watch.</summary>
    public void Clear()
    {
        foreach (var counts in new[] { _prefixes, _substrings, _entityWords, _exact, _fuzzyEdits, _fuzzyReach, _always })
        {
            counts.Clear();
        }

        _tenants.Clear();
    }

    public PreSearchShape Build(long version) =>
        new(version, Sorted(_prefixes), Sorted(_substrings), Sorted(_entityWords), Sorted(_exact), Max(_fuzzyEdits), Max(_fuzzyReach), Sorted(_always), [.. _tenants.Keys.Order(StringComparer.Ordinal)]);

    /// <summary>What the shape needs of a required key: its kind, its length and its edits, not its text.</summary>
    /// <param name="Kind">The kind of key.</param>
    /// <param name="Length">The length of the key.</param>
    /// <param name="MaxEdits">The edits a fuzzy key allows.</param>
    internal readonly record struct Key(IndexKeyKind Kind, int Length, int MaxEdits)
    {
        public static Key Of(IndexKey key) => new(key.Kind, key.Key.Length, key.MaxEdits);
    }

    private static int[] Sorted(Dictionary<int, int> counts) => [.. counts.Keys.Order()];

    private static int Max(Dictionary<int, int> counts) => counts.Count == 0 ? 0 : counts.Keys.Max();

    private static void Count<T>(Dictionary<T, int> counts, T key, int delta)
        where T : notnull
    {
        var count = counts.GetValueOrDefault(key) + delta;
        if (count > 0)
        {
            counts[key] = count;
        }
        else
        {
            counts.Remove(key);
        }
    }
}
