using System.Diagnostics;

namespace Monitro.Samples.Crm.Tests;

/// <summary>
/// Opens the contacts page in a real headless Chromium (Debian's package) and reads the DOM it rendered. Without
/// Chromium the test is skipped, unless MONITRO_REQUIRE_BROWSER=1 (as in CI), when it fails.
/// </summary>
public sealed class ContactsPageBrowserTests
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(60);

    private static string? FindChromium()
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

    [SkippableFact]
    public async Task ContactsPage_InHeadlessChromium_ListsTheContactsAndTheCase()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("MONITRO_REQUIRE_BROWSER") == "1", "MONITRO_REQUIRE_BROWSER=1 but chromium is not on PATH (apt-get install -y chromium).");
            Skip.If(true, "chromium is not installed (apt-get install -y chromium); set MONITRO_REQUIRE_BROWSER=1 to make this a failure.");
        }

        await using var crm = await CrmHost.StartAsync();
        await crm.PostAllAsync(SampleAlerts.Complaint());
        await crm.PostAllAsync(SampleAlerts.Praise());
        var profile = Directory.CreateTempSubdirectory("monitro-chromium-");
        try
        {
            var dom = await DumpDomAsync(chromium!, profile.FullName, crm.Address);

            Assert.Contains("<h2>Olga Berg</h2>", dom, StringComparison.Ordinal);
            Assert.Contains("<h2>Ravi Patel</h2>", dom, StringComparison.Ordinal);
            Assert.Contains("Open case #1 Complaint from @olga@example.social about Tidewell", dom, StringComparison.Ordinal);
            Assert.Contains("2 contacts, 1 open cases", dom, StringComparison.Ordinal);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<string> DumpDomAsync(string chromium, string profile, Uri page)
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
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", page.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BrowserTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within " + BrowserTimeout + ": " + await errors);
        }

        var dom = await output;
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await errors}");
        return dom;
    }
}
