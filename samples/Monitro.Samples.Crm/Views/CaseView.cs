namespace Monitro.Samples.Crm.Views;

/// <summary>An open case with the post that opened it.</summary>
/// <param name="Id">The case number.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="ContactName">The contact's name.</param>
/// <param name="Title">The title.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="PostId">The complaining post.</param>
/// <param name="Text">The post's text: what the person said.</param>
/// <param name="Url">The post's address, when known.</param>
public sealed record CaseView(long Id, string ContactId, string ContactName, string Title, string OpenedAt, string PostId, string Text, string? Url);
