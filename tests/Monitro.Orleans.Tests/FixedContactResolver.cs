using System.Collections.Concurrent;

namespace Monitro.Orleans.Tests;

/// <summary>A CRM that knows a fixed set of identities, and counts the look-ups it answered.</summary>
internal sealed class FixedContactResolver(IReadOnlyDictionary<string, ContactFacts> facts) : IContactResolver
{
    /// <summary>Gets a CRM that knows nobody.</summary>
    public static FixedContactResolver None { get; } = new(new Dictionary<string, ContactFacts>());

    /// <summary>Gets the identities looked up, with how often.</summary>
    public ConcurrentDictionary<string, int> LookUps { get; } = new(StringComparer.Ordinal);

    public ValueTask<ContactFacts?> ResolveAsync(string identityKey, CancellationToken cancellationToken = default)
    {
        LookUps.AddOrUpdate(identityKey, 1, static (_, count) => count + 1);
        return ValueTask.FromResult(facts.GetValueOrDefault(identityKey));
    }
}
