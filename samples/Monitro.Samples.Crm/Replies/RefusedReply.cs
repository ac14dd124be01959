namespace Monitro.Samples.Crm.Replies;

/// <summary>A reply the desk refused (too long, empty…), shown again in its case's box with the reason.</summary>
/// <param name="PostId">The case's post.</param>
/// <param name="Text">What the agent wrote.</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record RefusedReply(string PostId, string Text, string Reason);
