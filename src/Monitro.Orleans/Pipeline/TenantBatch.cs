namespace Monitro.Orleans.Pipeline;

/// <summary>What one source batch brings one tenant: the posts that matched, their enriched mentions, the inbox items, and the interactions per person.</summary>
/// <param name="Posts">The posts that matched a watch of the tenant.</param>
/// <param name="Mentions">The mentions, with the posts' signals.</param>
/// <param name="InboxItems">The items that need an answer.</param>
/// <param name="People">The interactions of the batch, grouped by person, with the person as last seen.</param>
internal sealed record TenantBatch(
    List<Post> Posts,
    List<Mention> Mentions,
    List<InboxItem> InboxItems,
    List<(Author Person, List<Interaction> Interactions)> People);
