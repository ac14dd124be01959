namespace Monitro.Orleans.Pipeline;

/// <summary>What one source batch brings one tenant: the posts it keeps, their enriched mentions, the inbox items, and the interactions with their people.</summary>
/// <param name="Posts">The posts that matched a watch of the tenant or belong to a conversation with it.</param>
/// <param name="Mentions">The mentions, with the posts' signals.</param>
/// <param name="InboxItems">The items that need an answer.</param>
/// <param name="Interactions">The interactions of the batch, in its order, each with its person as seen in the post.</param>
internal sealed record TenantBatch(
    List<Post> Posts,
    List<Mention> Mentions,
    List<InboxItem> InboxItems,
    List<(Interaction Interaction, Author Person)> Interactions);
