using System.Diagnostics;

namespace Monitro.Dashboard.Tests;

/// <summary>
/// Debian's chromium, headless, with its console written to standard error: loads a page and returns the DOM it
/// rendered and every console message (the dashboard runs no script, so any message is an error: a failed load or a
/// Content-Security-Policy violation), or takes a screenshot.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Gets chromium's path; skips the test when it is missing, unless MONITRO_REQUIRE_BROWSER=1 (as in CI), when it fails.</summary>
    public static string Require()
    {
        var chromium = new[] { "chromium", "chromium-browser" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("MONITRO_REQUIRE_BROWSER") == "1", "MONITRO_REQUIRE_BROWSER=1 but chromium is not on PATH (apt-get install -y chromium).");
            Skip.If(true, "chromium is not installed (apt-get install -y chromium); set MONITRO_REQUIRE_BROWSER=1 to make this a failure.");
        }

        return chromium!;
    }

    /// <summary>Loads the page and returns the serialized DOM and the console messages.</summary>
    public static async Task<(string Dom, IReadOnlyList<string> Console)> DumpDomAsync(Uri page)
    {
        var (dom, errors) = await RunAsync(["--dump-dom", page.ToString()]);
        var console = errors.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        return (dom, console);
    }

    /// <summary>Takes a screenshot of the page at the given window size into a PNG file.</summary>
    public static async Task ScreenshotAsync(Uri page, string file, int width, int height)
    {
        await RunAsync([$"--screenshot={file}", $"--window-size={width},{height}", "--hide-scrollbars", page.ToString()]);
        Assert.True(File.Exists(file), $"chromium wrote no screenshot of {page}");
    }

    private static async Task<(string Output, string Errors)> RunAsync(string[] arguments)
    {
        var chromium = Require();
        var profile = Directory.CreateTempSubdirectory("monitro-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.FullName, "--enable-logging=stderr", "--v=0",
            }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within " + Timeout + ": " + await errors);
            }

            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await errors}");
            return (await output, await errors);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
