using Monitro.Samples.Crm.Replay;
using Monitro.Testing;

namespace Monitro.Samples.Crm.Tests;

public sealed class ReplayWorkerTests
{
    private static string QuickStartData(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "Monitro.Samples.QuickStart", "Data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }

    [Fact]
    public async Task RunAsync_BundledPosts_ReachTheCrmAsContactsActivitiesAndCases()
    {
        await using var crm = await CrmHost.StartAsync();
        using var folder = new TempDirectory();

        // The first 400 bundled posts keep the test short; the sample itself replays all of them.
        var posts = folder.File("posts.jsonl");
        await File.WriteAllLinesAsync(posts, File.ReadLines(QuickStartData("posts.jsonl")).Take(400));

        var mentions = await ReplayWorker.RunAsync(crm.Address, crm.Settings, crm.Database, posts, QuickStartData("watches.json"));

        Assert.True(mentions > 100, $"only {mentions} mentions");
        Assert.Equal(mentions, crm.Database.Count("activities"));
        Assert.True(crm.Database.Count("cases") > 0);
        Assert.True(crm.Database.Count("contacts") > 50);
        Assert.Equal(crm.Database.Count("contacts"), crm.Database.Count("profiles"));
    }
}
