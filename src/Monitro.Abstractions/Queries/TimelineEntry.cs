namespace Monitro;

/// <summary>One post on a person's timeline: one of theirs, or one of the company's replies to them.</summary>
/// <param name="Post">The post.</param>
/// <param name="Direction"><see cref="InteractionDirection.Inbound"/> for the person's post, <see cref="InteractionDirection.Outbound"/> for the company's reply.</param>
public sealed record TimelineEntry(Post Post, InteractionDirection Direction);
