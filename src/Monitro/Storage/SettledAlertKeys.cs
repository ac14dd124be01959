using Monitro.Storage.Shared;

namespace Monitro.Storage;

/// <summary>
/// The idempotency keys of the in-memory store's settled alerts (delivered or dead), so a replayed batch never
/// enqueues them again. Keys are kept as they are, with the person and post each is about, until that person is
/// forgotten: then their keys are kept only as keyed hashes, as the durable stores keep every key.
/// </summary>
/// <remarks>
/// A key can name a person (a Mastodon post id holds the handle), which is why the durable stores hash every key:
/// their files and WAL outlive an erasure. Memory has no such remains, so here the hash is paid only for the keys of
/// forgotten people and for keys settled with no alert to say whom they are about; hashing every key cost about as
/// much as the rest of delivering an alert from this store (benchmarks/README.md, "Alert delivery throughput").
/// Not thread-safe: the store calls it under its lock.
/// </remarks>
internal sealed class SettledAlertKeys
{
    // Longer identities (none seen) are built as strings, not on the stack.
    private const int MaxInternedLength = 256;

    // The key of an alert still known, with whom and what it is about (as the outbox slot said when it settled).
    private readonly Dictionary<string, (string? PersonId, string? PostId)> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hashed = new(StringComparer.Ordinal);
    private readonly SettledKeyHasher _hasher = new(SettledKeyHasher.NewSecret());

    // One string per person named by a settled key. Author.IdentityKey builds a new string at each call, and each
    // delivered mention alert would keep its own copy: building it per alert was a sixth of what delivering an alert
    // from this store allocated (benchmarks/README.md, "Alert delivery throughput").
    private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);

    /// <summary>Gets every key as the store holds it: plain keys and the hashes of forgotten ones.</summary>
    public IEnumerable<string> Rows => _keys.Keys.Concat(_hashed);

    /// <summary>Records a settled alert's key with the person and post it is about.</summary>
    public void Add(string idempotencyKey, Alert alert) => _keys[idempotencyKey] = (PersonOf(alert), alert.Mention?.Post.Id);

    /// <summary>Records a settled key whose alert is gone (forgotten while it was out for delivery), hashed: it may name whoever was forgotten.</summary>
    public void AddUnknown(string idempotencyKey)
    {
        if (!_keys.ContainsKey(idempotencyKey))
        {
            _hashed.Add(_hasher.Hash(idempotencyKey));
        }
    }

    /// <summary>Gets a value indicating whether a key was settled.</summary>
    public bool Contains(string idempotencyKey) =>
        _keys.ContainsKey(idempotencyKey) || (_hashed.Count > 0 && _hashed.Contains(_hasher.Hash(idempotencyKey)));

    /// <summary>Forgets that a key was settled (its dead letter is sent again).</summary>
    public void Remove(string idempotencyKey)
    {
        if (!_keys.Remove(idempotencyKey) && _hashed.Count > 0)
        {
            _hashed.Remove(_hasher.Hash(idempotencyKey));
        }
    }

    /// <summary>Keeps the keys about a forgotten person, or about their posts, only as keyed hashes.</summary>
    public void Forget(string personId, IReadOnlySet<string> postIds)
    {
        _people.Remove(personId);
        var forgotten = _keys
            .Where(pair => pair.Value.PersonId == personId || (pair.Value.PostId is { } postId && postIds.Contains(postId)))
            .Select(pair => pair.Key)
            .ToList();
        foreach (var key in forgotten)
        {
            _keys.Remove(key);
            _hashed.Add(_hasher.Hash(key));
        }
    }

    // The person of AlertSubject.PersonOf, without building a new identity key for a person seen before.
    private string? PersonOf(Alert alert)
    {
        if (alert.Mention?.Post.Author is not { } author)
        {
            return alert.Transition?.PersonId ?? alert.Item?.PersonId;
        }

        var handle = author.Handle.AsSpan().TrimStart('@');
        var length = author.Platform.Length + 1 + handle.Length;
        if (author.Platform.Length == 0 || author.Handle.Length == 0 || length > MaxInternedLength)
        {
            return author.IdentityKey;
        }

        // The same characters as Author.CreateIdentityKey: platform and handle in invariant lower case, without the @.
        Span<char> identity = stackalloc char[length];
        author.Platform.AsSpan().ToLowerInvariant(identity);
        identity[author.Platform.Length] = ':';
        handle.ToLowerInvariant(identity[(author.Platform.Length + 1)..]);
        var people = _people.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!people.TryGetValue(identity, out var personId))
        {
            personId = identity.ToString();
            _people.Add(personId, personId);
        }

        return personId;
    }
}
