using System.Text.Json;
using Monitro.Samples.Crm.Replay;
using Monitro.Testing;

namespace Monitro.Samples.Crm.Tests;

/// <summary>
/// The CRM after a replay of the first 1,000 bundled posts (2 to 7 November, with a spike on the 7th) and a few
/// posts of the test's own: a complaint with markup in its text and name, a news headline that reads like a
/// complaint, and two posts of one person on two platforms that the replay links. The replay's Monitro stays linked
/// to the CRM (charts, inbox, replies). Shared by the browser tests, since a replay takes a while.
/// </summary>
public sealed class ReplayedCrm : IAsyncLifetime, IDisposable
{
    public const string Injected = "<script>document.title='owned'</script><img src=x onerror=alert(1)>";

    private readonly TempDirectory _folder = new();

    internal CrmHost Crm { get; private set; } = null!;

    /// <summary>Gets chromium's path, or <see langword="null"/> when it is not installed (then nothing is replayed).</summary>
    public string? Chromium { get; } = HeadlessChromium.Find();

    public async Task InitializeAsync()
    {
        Crm = await CrmHost.StartAsync();
        if (Chromium is null)
        {
            return;
        }

        var posts = _folder.File("posts.jsonl");
        var ownPosts = new[]
        {
            Post("mastodon", "mallory@example.social", "Mallory " + Injected, "tidewell lost my whole board again, this is broken and I want a refund " + Injected, "2026-11-07T18:20:00+00:00"),
            Post("rss", "pmtoday.news", "PM Today", "Tidewell outage: users say sync is broken, support is slow and boards were lost", "2026-11-07T18:25:00+00:00"),
            Post("bluesky", "gabeito.work", "Gabe Ito", "tidewell flow saved our sprint review today", "2026-11-07T18:30:00+00:00"),
            Post("mastodon", "gabe@social.coop", "Gabe Ito", "second week on tidewell boards and the team loves it", "2026-11-07T18:35:00+00:00"),
        };
        await File.WriteAllLinesAsync(posts, File.ReadLines(QuickStartData.File("posts.jsonl")).Take(1000).Concat(ownPosts));
        await ReplayWorker.RunAsync(Crm.Address, Crm.Settings, Crm.Database, posts, QuickStartData.File("watches.json"), Crm.Link);
    }

    public async Task DisposeAsync() => await Crm.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private static string Post(string platform, string handle, string name, string text, string createdAt) => JsonSerializer.Serialize(
        new Post
        {
            Id = Monitro.Post.CreateId(platform, "test-" + handle + "-" + createdAt),
            Source = platform,
            Author = new Author { Platform = platform, Handle = handle, DisplayName = name },
            Text = text,
            CreatedAt = DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture),
            Language = "en",
        },
        MonitroJsonContext.Default.Post);
}
