namespace Monitro.Orleans.Alerting;

/// <summary>What one lease commit left pending for a tenant's alert grain.</summary>
/// <param name="Mentions">The new mentions, in the order they were stored.</param>
/// <param name="Roles">The relationship role of each mention's author before the commit, by mention id, when the lease read one.</param>
/// <param name="Retractions">The ids of the posts the commit retracted, when the tenant raises retraction alerts.</param>
/// <param name="Scopes">The scopes that hold these rows, cleared in the commit that routes them.</param>
internal sealed record PendingBatch(List<Mention> Mentions, Dictionary<string, string> Roles, List<string> Retractions, List<string> Scopes)
{
    /// <summary>Tells the role of an alert's person as the lease read it: the author of a mention; none for a retraction, as in one process.</summary>
    public string? RoleOf(Alert alert) => alert.Mention is { } mention ? Roles.GetValueOrDefault(mention.Id) : null;
}
