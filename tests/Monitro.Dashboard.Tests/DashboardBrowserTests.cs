using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitro.Dashboard.Tests;

/// <summary>
/// Opens the dashboard in a real headless Chromium (Debian's package) and reads the DOM it rendered and its console:
/// every page renders with no console message (so no blocked style, image or load under the strict policy), the
/// charts hold the seeded points, and markup in posts and names stays text. Without Chromium the tests are skipped,
/// unless MONITRO_REQUIRE_BROWSER=1 (as in CI), when they fail.
/// </summary>
public sealed class DashboardBrowserTests(BrowserDashboardHost host) : IClassFixture<BrowserDashboardHost>
{
    public static TheoryData<string> Paths => [.. DashboardPage.Paths];

    private async Task<IDocument> OpenAsync(string path)
    {
        var (dom, console) = await Chromium.DumpDomAsync(new Uri(host.Address, path));
        Assert.True(console.Count == 0, $"{path} logged to the console:\n{string.Join('\n', console)}");
        var document = await new HtmlParser().ParseDocumentAsync(dom);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("main img"));
        Assert.EndsWith(" · Monitro", document.Title, StringComparison.Ordinal);
        return document;
    }

    [SkippableFact]
    public async Task TheConsoleCheck_SeesAPolicyViolation()
    {
        Chromium.Require();
        var (_, console) = await Chromium.DumpDomAsync(new Uri(host.Address, "/csp-probe"));
        Assert.Contains(console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Paths))]
    public async Task Page_RendersWithNoConsoleMessage(string path)
    {
        Chromium.Require();
        var page = await OpenAsync(path);
        Assert.NotNull(page.QuerySelector("main h1"));
    }

    [SkippableFact]
    public async Task Overview_RenderedChartsHoldTheSeededPoints()
    {
        Chromium.Require();
        var page = await OpenAsync("/monitro/");

        var volume = page.QuerySelector("svg#volume-chart")!;
        Assert.Equal(3 * DashboardSeed.Days, volume.QuerySelectorAll("ellipse").Length);
        Assert.Single(volume.QuerySelectorAll("polygon"), p => p.GetAttribute("points")!.Split(' ').Length == 3);
        Assert.Empty(volume.QuerySelectorAll("[style]"));
        Assert.Equal(DashboardSeed.Days, page.QuerySelector("#sentiment svg")!.QuerySelectorAll("ellipse").Length);
        Assert.Equal(["Brand", "Competitor"], page.QuerySelectorAll("#share-chart text").Select(t => t.TextContent).Where(t => t is "Brand" or "Competitor"));
    }

    [SkippableFact]
    public async Task Mentions_InjectedMarkupStaysText()
    {
        Chromium.Require();
        var page = await OpenAsync("/monitro/mentions");

        Assert.Equal("Mentions · Monitro", page.Title);
        var mallory = page.QuerySelectorAll("li.mention").Single(li => li.GetAttribute("data-mention-id") == "acme|mastodon:evil");
        Assert.Contains(DashboardSeed.Injected, mallory.QuerySelector("p.text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mallory " + DashboardSeed.Injected, mallory.QuerySelector(".author")!.TextContent);
    }

    /// <summary>Takes the reference screenshots; with MONITRO_UPDATE_SCREENSHOTS=1 they replace those in docs/images.</summary>
    [SkippableFact]
    public async Task ReferenceScreenshots()
    {
        Chromium.Require();
        var folder = Directory.CreateTempSubdirectory("monitro-screenshots-");
        try
        {
            (string Path, string File, int Height)[] shots =
            [
                ("/monitro/", "dashboard-overview.png", 1500),
                ("/monitro/mentions", "dashboard-mentions.png", 900),
                ("/monitro/watches?q=" + Uri.EscapeDataString("globex OR launch") + "&post=" + Uri.EscapeDataString("mastodon:evil") + "&at=" + DashboardSeed.Now.AddHours(-1).ToUnixTimeMilliseconds(), "dashboard-preview.png", 1000),
            ];
            foreach (var (path, file, height) in shots)
            {
                var target = Path.Combine(folder.FullName, file);
                await Chromium.ScreenshotAsync(new Uri(host.Address, path), target, 1100, height);
                var bytes = await File.ReadAllBytesAsync(target);
                Assert.True(bytes.Length > 10_000, $"{file} is only {bytes.Length} bytes");
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
                if (Environment.GetEnvironmentVariable("MONITRO_UPDATE_SCREENSHOTS") == "1")
                {
                    File.Copy(target, Path.Combine(RepositoryRoot(), "docs", "images", file), overwrite: true);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Monitro.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Monitro.sln not found above " + AppContext.BaseDirectory);
    }
}
