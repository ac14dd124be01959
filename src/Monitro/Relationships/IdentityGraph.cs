namespace Monitro.Relationships;

/// <summary>Which identities are one person: a union-find over identity keys whose root (the ordinal-smallest key) is the person id.</summary>
/// <remarks>Not thread-safe; the registry guards it.</remarks>
internal sealed class IdentityGraph
{
    private readonly Dictionary<string, string> _parents = new(StringComparer.Ordinal);

    public string Find(string identity)
    {
        var root = identity;
        while (_parents.TryGetValue(root, out var parent) && !string.Equals(parent, root, StringComparison.Ordinal))
        {
            root = parent;
        }

        // Path compression keeps later look-ups short.
        while (!string.Equals(identity, root, StringComparison.Ordinal) && _parents.TryGetValue(identity, out var next))
        {
            _parents[identity] = root;
            identity = next;
        }

        return root;
    }

    /// <summary>Joins two identities; returns the surviving and the absorbed person ids, or <see langword="null"/> when already one person.</summary>
    public (string Survivor, string Absorbed)? Union(string first, string second)
    {
        var a = Find(first);
        var b = Find(second);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return null;
        }

        var (survivor, absorbed) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
        _parents[absorbed] = survivor;
        _parents.TryAdd(survivor, survivor);
        return (survivor, absorbed);
    }
}
