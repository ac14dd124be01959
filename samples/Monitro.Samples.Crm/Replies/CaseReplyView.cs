namespace Monitro.Samples.Crm.Replies;

/// <summary>What Monitro knows about a case's post: its inbox item and our replies to it, as of Monitro's clock.</summary>
/// <param name="Item">The inbox item, or <see langword="null"/> when the post is not in the inbox.</param>
/// <param name="Replies">Our replies written on the case, oldest first.</param>
/// <param name="Now">Monitro's time (the replay's clock), for the item's age.</param>
/// <param name="Account">The account that answers on the post's platform, or <see langword="null"/>.</param>
public sealed record CaseReplyView(InboxItem? Item, IReadOnlyList<Reply> Replies, DateTimeOffset Now, SampleReplyAccount? Account);
