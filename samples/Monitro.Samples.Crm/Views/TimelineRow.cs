namespace Monitro.Samples.Crm.Views;

/// <summary>One post in a contact's timeline, however many watches it matched.</summary>
/// <param name="PostId">The post id.</param>
/// <param name="Time">When it was written.</param>
/// <param name="Profile">Who wrote it, <c>platform @handle</c>.</param>
/// <param name="Text">The text.</param>
/// <param name="Url">The address, when known.</param>
/// <param name="Sentiment">The sentiment label, when scored.</param>
/// <param name="Intents">The intents found.</param>
/// <param name="Watches">The watches it matched, as tags.</param>
public sealed record TimelineRow(string PostId, string Time, string Profile, string Text, string? Url, string? Sentiment, string Intents, IReadOnlyList<string> Watches);
