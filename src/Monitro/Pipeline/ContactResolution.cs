namespace Monitro.Pipeline;

/// <summary>Asks the relationship scorer for the CRM facts of the people of some interactions.</summary>
internal static class ContactResolution
{
    /// <summary>Resolves each person once (by identity key), before their interactions are recorded.</summary>
    public static async Task ResolvePeopleAsync(this IRelationshipScorer scorer, IEnumerable<Author> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var distinct = new Dictionary<string, Author>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            distinct.TryAdd(person.IdentityKey, person);
        }

        if (distinct.Count > 0)
        {
            await scorer.ResolveContactsAsync(distinct.Values, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
