using Monitro.Alerting.State;
using Monitro.Relationships;

namespace Monitro.Orleans.People;

/// <summary>
/// Which identities of one tenant are one person, for a source lease to send each interaction to the grain of its
/// person: the tenant's configured links, the links and verified domains its store kept, and those learnt from the
/// posts read, under the single-process rules (a person is the ordinal-smallest identity of the group).
/// </summary>
/// <remarks>
/// What is learnt is handed out once (<see cref="TakeUnsaved"/>) to be saved with the tenant's commit, in the rows one
/// process saves, so a lease that starts again, another lease (<see cref="Refresh"/>), or one process reading the same
/// store, restores the same links. Owned by one lease runner: not thread-safe.
/// </remarks>
internal sealed class TenantIdentities
{
    private readonly IdentityGraph _graph = new();
    private readonly Dictionary<string, SortedSet<string>> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _identityByDomain = new(StringComparer.Ordinal);
    private readonly List<AlertStateRow> _unsaved = [];
    private readonly bool _mergeByVerifiedDomain;
    private bool _learnt;

    /// <param name="configured">The tenant's configured links.</param>
    /// <param name="stored">The alert-state rows of the tenant's store; rows other than links and verified domains are ignored.</param>
    /// <param name="mergeByVerifiedDomain">Whether two identities proving the same domain are one person.</param>
    public TenantIdentities(IEnumerable<IdentityLink> configured, IEnumerable<AlertStateRow> stored, bool mergeByVerifiedDomain)
    {
        _mergeByVerifiedDomain = mergeByVerifiedDomain;
        foreach (var link in configured)
        {
            Union(Author.CreateIdentityKey(Platform(link.First), Handle(link.First)), Author.CreateIdentityKey(Platform(link.Second), Handle(link.Second)));
        }

        Refresh(stored);
    }

    /// <summary>
    /// Adds what the tenant's store kept, for example links another lease learnt since: its links, and its verified
    /// domains. A domain the store gives to another identity than this lease's (two leases saw it proved at once) links
    /// the two, as one process would have, and that link is saved with the next commit.
    /// </summary>
    /// <param name="stored">The alert-state rows of the tenant's store; rows other than links and verified domains are ignored.</param>
    public void Refresh(IEnumerable<AlertStateRow> stored)
    {
        foreach (var row in stored)
        {
            if (row.Scope.StartsWith(AlertStateScopes.Link, StringComparison.Ordinal))
            {
                _ = Union(row.Scope[AlertStateScopes.Link.Length..], row.Item);
            }
            else if (row.Scope == AlertStateScopes.VerifiedDomain && row.PersonId is { } identity
                && !_identityByDomain.TryAdd(row.Item, identity) && Union(identity, _identityByDomain[row.Item]))
            {
                _learnt = true;
                _unsaved.Add(new AlertStateRow { Scope = AlertStateScopes.LinkOf(identity), Item = _identityByDomain[row.Item], PersonId = identity });
            }
        }
    }

    /// <summary>Learns the verified domains of a person seen in an interaction, linking them to whoever proved the same domain first.</summary>
    public void Observe(Author person)
    {
        if (!_mergeByVerifiedDomain)
        {
            return;
        }

        var identity = person.IdentityKey;
        foreach (var domain in VerifiedDomains.Of(person))
        {
            if (_identityByDomain.TryAdd(domain, identity))
            {
                _learnt = true;
                _unsaved.Add(new AlertStateRow { Scope = AlertStateScopes.VerifiedDomain, Item = domain, PersonId = identity });
            }
            else
            {
                // Saved even when already one person, as one process saves it: both paths leave the same rows.
                _learnt |= Union(identity, _identityByDomain[domain]);
                _unsaved.Add(new AlertStateRow { Scope = AlertStateScopes.LinkOf(identity), Item = _identityByDomain[domain], PersonId = identity });
            }
        }
    }

    /// <summary>Gets the person an identity belongs to and every identity known to be that person, the identity itself included.</summary>
    public (string PersonId, string[] Identities) GroupOf(string identity)
    {
        var personId = _graph.Find(identity);
        return (personId, _groups.TryGetValue(personId, out var group) ? [.. group] : [identity]);
    }

    /// <summary>Takes the rows learnt since the last call, to be saved with the tenant's commit.</summary>
    public List<AlertStateRow> TakeUnsaved()
    {
        var rows = new List<AlertStateRow>(_unsaved);
        _unsaved.Clear();
        return rows;
    }

    /// <summary>Whether a verified domain or a link new to the tenant was learnt since the last call, which the other leases must read.</summary>
    public bool TakeLearnt()
    {
        var learnt = _learnt;
        _learnt = false;
        return learnt;
    }

    private bool Union(string first, string second)
    {
        if (_graph.Union(first, second) is not var (survivor, absorbed))
        {
            return false;
        }

        var group = _groups.TryGetValue(survivor, out var kept) ? kept : _groups[survivor] = new SortedSet<string>(StringComparer.Ordinal) { survivor };
        if (_groups.Remove(absorbed, out var taken))
        {
            group.UnionWith(taken);
        }
        else
        {
            group.Add(absorbed);
        }

        return true;
    }

    private static string Platform(string key) => key[..key.IndexOf(':', StringComparison.Ordinal)];

    private static string Handle(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
