using System.Diagnostics;

namespace Monitro.Testing;

/// <summary>Debian's chromium, headless, in a fresh profile each run, for the browser tests of the samples and the dashboard.</summary>
public static class HeadlessChromium
{
    /// <summary>The variable that turns a missing chromium into a failure (CI sets it).</summary>
    public const string RequireVariableName = "MONITRO_REQUIRE_BROWSER";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Gets the path of chromium, or <see langword="null"/> when it is not installed.</summary>
    public static string? Find() =>
        new[] { "chromium", "chromium-browser" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Gets why a browser test cannot run, or <see langword="null"/> when chromium is there.</summary>
    /// <exception cref="InvalidOperationException">Chromium is missing and <see cref="RequireVariableName"/> is 1.</exception>
    public static string? SkipReason()
    {
        if (Find() is not null)
        {
            return null;
        }

        return Environment.GetEnvironmentVariable(RequireVariableName) == "1"
            ? throw new InvalidOperationException(RequireVariableName + "=1 but chromium is not on PATH (apt-get install -y chromium).")
            : "chromium is not installed (apt-get install -y chromium); set " + RequireVariableName + "=1 to make this a failure.";
    }

    /// <summary>Runs headless chromium with the given arguments (after the common ones) and returns what it wrote.</summary>
    /// <param name="chromium">The path of chromium (<see cref="Find"/>).</param>
    /// <param name="arguments">What to do, for example <c>--dump-dom</c> and the page's address.</param>
    /// <exception cref="InvalidOperationException">Chromium exited with an error.</exception>
    /// <exception cref="TimeoutException">Chromium did not finish in time.</exception>
    public static async Task<(string Output, string Errors)> RunAsync(string chromium, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("monitro-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.FullName,
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
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within " + Timeout + ": " + await errors.ConfigureAwait(false));
            }

            return process.ExitCode == 0
                ? (await output.ConfigureAwait(false), await errors.ConfigureAwait(false))
                : throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await errors.ConfigureAwait(false)}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
