using Monitro.Matching;

namespace Monitro.Orleans.PreSearch;

/// <summary>Collects the shape of the pre-search index (<see cref="PreSearchShape"/>) while its watches are read.</summary>
internal sealed class PreSearchShapeBuilder
{
    private readonly SortedSet<int> _prefixes = [];
    private readonly SortedSet<int> _substrings = [];
    private readonly SortedSet<int> _entityWords = [];
    private readonly SortedSet<int> _exact = [];
    private readonly SortedSet<int> _always = [];
    private readonly SortedSet<string> _tenants = new(StringComparer.Ordinal);
    private int _fuzzyMaxEdits;
    private int _fuzzyLongestMatch;

    public void AddTenant(string tenantId) => _tenants.Add(tenantId);

    public void AddAlways(int shard) => _always.Add(shard);

    public void Add(IndexKey key)
    {
        switch (key.Kind)
        {
            case IndexKeyKind.Prefix:
                _prefixes.Add(key.Key.Length);
                break;
            case IndexKeyKind.Substring:
                _substrings.Add(key.Key.Length);
                break;
            case IndexKeyKind.EntitySubstring:
                _entityWords.Add(key.Key.Length);
                break;
            case IndexKeyKind.Exact:
                _exact.Add(key.Key.Length);
                break;
            case IndexKeyKind.Fuzzy:
                // As the single-process index: the largest edits and the longest word within reach of any fuzzy key.
                _fuzzyMaxEdits = Math.Max(_fuzzyMaxEdits, key.MaxEdits);
                _fuzzyLongestMatch = Math.Max(_fuzzyLongestMatch, key.Key.Length + key.MaxEdits);
                break;
        }
    }

    public PreSearchShape Build(long version) =>
        new(version, [.. _prefixes], [.. _substrings], [.. _entityWords], [.. _exact], _fuzzyMaxEdits, _fuzzyLongestMatch, [.. _always], [.. _tenants]);
}
