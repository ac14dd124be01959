using Monitro.Testing;

namespace Monitro.Dashboard.Tests;

/// <summary>
/// Headless chromium (<see cref="HeadlessChromium"/>) with its console written to standard error: loads a page and
/// returns the DOM it rendered and every console message (the dashboard runs no script, so any message is an error:
/// a failed load or a Content-Security-Policy violation), or takes a screenshot.
/// </summary>
internal static class Chromium
{
    /// <summary>Gets chromium's path; skips the test when it is missing, unless MONITRO_REQUIRE_BROWSER=1 (as in CI), when it fails.</summary>
    public static string Require()
    {
        var reason = HeadlessChromium.SkipReason();
        Skip.If(reason is not null, reason);
        return HeadlessChromium.Find()!;
    }

    /// <summary>Loads the page and returns the serialized DOM and the console messages.</summary>
    public static async Task<(string Dom, IReadOnlyList<string> Console)> DumpDomAsync(Uri page)
    {
        var (dom, errors) = await HeadlessChromium.RunAsync(Require(), "--enable-logging=stderr", "--v=0", "--dump-dom", page.ToString());
        return (dom, errors.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal)).ToList());
    }

    /// <summary>Takes a screenshot of the page at the given window size into a PNG file.</summary>
    public static async Task ScreenshotAsync(Uri page, string file, int width, int height)
    {
        await HeadlessChromium.RunAsync(Require(), $"--screenshot={file}", $"--window-size={width},{height}", "--hide-scrollbars", page.ToString());
        Assert.True(File.Exists(file), $"chromium wrote no screenshot of {page}");
    }
}
