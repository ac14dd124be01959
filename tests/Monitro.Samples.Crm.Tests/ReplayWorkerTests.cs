using Monitro.Samples.Crm.Replay;
using Monitro.Testing;

namespace Monitro.Samples.Crm.Tests;

public sealed class ReplayWorkerTests
{
    [Fact]
    public async Task RunAsync_BundledPosts_ReachTheCrmAsContactsActivitiesAndCases()
    {
        await using var crm = await CrmHost.StartAsync();
        using var folder = new TempDirectory();

        // The first 400 bundled posts keep the test short; the sample itself replays all of them.
        var posts = folder.File("posts.jsonl");
        await File.WriteAllLinesAsync(posts, File.ReadLines(QuickStartData.File("posts.jsonl")).Take(400));

        var mentions = await ReplayWorker.RunAsync(crm.Address, crm.Settings, crm.Database, posts, QuickStartData.File("watches.json"));

        Assert.True(mentions > 100, $"only {mentions} mentions");
        Assert.Equal(mentions, crm.Database.Count("activities"));
        Assert.True(crm.Database.Count("cases") > 0);
        Assert.True(crm.Database.Count("contacts") > 50);
        Assert.Equal(crm.Database.Count("contacts"), crm.Database.Count("profiles"));
        Assert.Equal(crm.Database.Count("contacts"), crm.Database.Count("relationships")); // every contact has Monitro's scores
    }

    [Fact]
    public async Task RunAsync_OnTheReplayClock_DigestsAndRelationshipAlertsArriveDatedByThePosts()
    {
        await using var crm = await CrmHost.StartAsync();
        using var folder = new TempDirectory();
        var posts = folder.File("posts.jsonl");
        await File.WriteAllLinesAsync(posts, File.ReadLines(QuickStartData.File("posts.jsonl")).Take(400));

        await ReplayWorker.RunAsync(crm.Address, crm.Settings, crm.Database, posts, QuickStartData.File("watches.json"));

        // The posts run from 2 to 4 November: two days close during the replay, the last one at its end.
        Assert.Equal(3, crm.Database.ReadAlerts(AlertKinds.Digest).Count);
        foreach (var day in new[] { "02", "03", "04" })
        {
            Assert.True(crm.Database.HasAlert("alert.raised|digest|daily-digest|2026-11-" + day + "T00:00:00.0000000+00:00"), "no digest for 2026-11-" + day);
        }

        var relationships = crm.Database.ReadAlerts(AlertKinds.RelationshipPrefix);
        Assert.Contains(relationships, alert => alert.Kind == AlertKinds.RelationshipNewDetractor);
        Assert.All(relationships, alert => Assert.StartsWith("2026-11-0", alert.Time, StringComparison.Ordinal));
    }
}
