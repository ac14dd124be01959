using Monitro.Storage.Shared;
using M = Monitro.Storage.Testing.ContractModel;

namespace Monitro.Tests.Storage;

/// <summary>The checks every store runs on a commit before writing it: an error names the exact field, and a valid commit costs no allocation.</summary>
public sealed class BatchCommitValidatorTests
{
    private const int MaxTextLength = 10_000;

    [Fact]
    public void Validate_ValidCommitOfMentionsInteractionsAndAlerts_AllocatesNothing()
    {
        var commit = M.Batch("9", [.. Enumerable.Range(0, 50).Select(i => M.Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "user" + i))]);
        commit = commit with { InboxItems = [M.Complaint(commit.Posts[0])], Retractions = ["replay:gone"] };
        BatchCommitValidator.Validate(commit, MaxTextLength);

        var before = GC.GetAllocatedBytesForCurrentThread();
        BatchCommitValidator.Validate(commit, MaxTextLength);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Validate_FieldDeepInsideAnItem_NamesItsWholePath()
    {
        var commit = M.Batch("9", M.Post("1", "jane"), M.Post("2", "omar"), M.Post("3", "li"));
        var alert = commit.Alerts[1];
        var mention = alert.Mention!;
        var broken = commit with
        {
            Alerts = [commit.Alerts[0], alert with { Mention = mention with { Post = mention.Post with { Author = mention.Post.Author with { Handle = string.Empty } } } }],
        };

        var error = Assert.Throws<ArgumentException>(() => BatchCommitValidator.Validate(broken, MaxTextLength));

        Assert.Equal("The batch commit is not valid: Alerts[1].Mention.Post.Author.Handle must not be null or empty. (Parameter 'commit')", error.Message);
    }

    [Fact]
    public void Validate_EachKindOfField_NamesIt()
    {
        var commit = M.Batch("9", M.Post("1", "jane"), M.Post("2", "omar"), M.Post("3", "li"));
        var mention = commit.Mentions[0];
        (BatchCommit Commit, string Path)[] cases =
        [
            (commit with { SourceName = string.Empty }, "SourceName"),
            (commit with { Posts = null! }, "Posts"),
            (commit with { Posts = [commit.Posts[0], commit.Posts[1] with { Text = new string('x', MaxTextLength + 1) }] }, "Posts[1].Text"),
            (commit with { Mentions = [mention with { Spans = [new MatchSpan(0, 1), new MatchSpan(0, 500)] }] }, "Mentions[0].Spans[1]"),
            (commit with { Mentions = [mention, mention with { Watch = mention.Watch with { Name = string.Empty } }] }, "Mentions[1].Watch.Name"),
            (commit with { Interactions = [commit.Interactions[0], commit.Interactions[1], commit.Interactions[2] with { PersonId = string.Empty }] }, "Interactions[2].PersonId"),
            (commit with { InboxItems = [M.Complaint(commit.Posts[0]) with { ThreadId = string.Empty }] }, "InboxItems[0].ThreadId"),
            (commit with { Retractions = ["replay:1", string.Empty] }, "Retractions[1]"),
            (commit with { Skipped = [new SkippedItem("replay", string.Empty, "bad")] }, "Skipped[0].Position"),
            (commit with { Alerts = [commit.Alerts[0] with { Mention = mention with { Post = null! } }] }, "Alerts[0].Mention.Post"),
            (commit with { Checkpoint = new SourceCheckpoint("replay", new string('9', BatchCommitValidator.MaxCheckpointLength + 1)) }, "Checkpoint.Value"),
        ];

        foreach (var (broken, path) in cases)
        {
            var error = Assert.Throws<ArgumentException>(() => BatchCommitValidator.Validate(broken, MaxTextLength));

            Assert.StartsWith($"The batch commit is not valid: {path} ", error.Message, StringComparison.Ordinal);
        }
    }
}
