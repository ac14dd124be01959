using System.Diagnostics;

namespace Monitro.Samples.Crm.Tests;

/// <summary>Debian's chromium, headless: loads a page and returns the DOM it rendered.</summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Gets the path of chromium, or <see langword="null"/> when it is not installed.</summary>
    public static string? Find()
    {
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Skips the test without chromium, unless MONITRO_REQUIRE_BROWSER=1 (as in CI), when it fails.</summary>
    public static string Require()
    {
        var chromium = Find();
        if (chromium is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("MONITRO_REQUIRE_BROWSER") == "1", "MONITRO_REQUIRE_BROWSER=1 but chromium is not on PATH (apt-get install -y chromium).");
            Skip.If(true, "chromium is not installed (apt-get install -y chromium); set MONITRO_REQUIRE_BROWSER=1 to make this a failure.");
        }

        return chromium!;
    }

    /// <summary>Loads the page in a fresh profile and returns the serialized DOM; fails when the page wrote to the console (a script error, a CSP violation, a failed load).</summary>
    public static async Task<string> DumpDomAsync(string chromium, Uri page)
    {
        var profile = Directory.CreateTempSubdirectory("monitro-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile.FullName, "--dump-dom", page.ToString(),
            })
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

            var dom = await output;
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await errors}");
            Assert.DoesNotContain((await errors).Split('\n'), line => line.Contains(":CONSOLE(", StringComparison.Ordinal));
            return dom;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
