namespace Monitro.Samples.Crm.Replies;

/// <summary>One account of <see cref="SampleReplyAccounts"/>.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="Account">The account's name in the reply desk.</param>
/// <param name="Limit">The platform's length limit.</param>
/// <param name="NeedsApproval">Whether its replies wait for approval.</param>
public sealed record SampleReplyAccount(string Platform, string Account, ReplyLimit Limit, bool NeedsApproval);
