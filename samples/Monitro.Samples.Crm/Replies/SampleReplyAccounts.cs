namespace Monitro.Samples.Crm.Replies;

/// <summary>The accounts the sample answers from, one per platform, with the platform's length limit and whether a lead approves first.</summary>
public static class SampleReplyAccounts
{
    /// <summary>Gets the accounts: Mastodon replies go out at once; Bluesky and Reddit replies wait for approval, to show both paths.</summary>
    public static IReadOnlyList<SampleReplyAccount> All { get; } =
    [
        new("mastodon", "tidewellhelp@mastodon.social", new ReplyLimit(500, ReplyLengthUnit.CodePoints), NeedsApproval: false),
        new("bluesky", "tidewell.io", new ReplyLimit(300, ReplyLengthUnit.Graphemes), NeedsApproval: true),
        new("reddit", "TidewellTeam", new ReplyLimit(10_000, ReplyLengthUnit.CodePoints), NeedsApproval: true),
    ];

    /// <summary>Gets the saved replies offered in the reply box; <c>{name}</c> is the contact's name.</summary>
    public static IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sorry"] = "Hi {name}, sorry about the trouble. We are looking into it and will write again today.",
        ["thanks"] = "Thanks {name}, glad to hear it!",
    };

    /// <summary>Gets the account that answers posts of a platform, or <see langword="null"/> when the sample has none.</summary>
    public static SampleReplyAccount? ForPost(string postId) =>
        All.FirstOrDefault(account => postId?.StartsWith(account.Platform + ":", StringComparison.Ordinal) == true);
}
