using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitro.IntegrationTests;

/// <summary>The quick start as a person reads it: run as its own process, twice, on the bundled data.</summary>
public sealed partial class QuickStartOutputTests
{
    private static readonly Lazy<Task<string[]>> FirstRun = new(() => RunQuickStartAsync());

    [Fact]
    public async Task QuickStart_RunTwice_PrintsTheSameOutput()
    {
        var first = await FirstRun.Value;
        var second = await RunQuickStartAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task QuickStart_Alerts_ComeBrandFirstEachSectionOldestFirst()
    {
        var output = await FirstRun.Value;

        Assert.StartsWith("Monitro quick start: 12 watches, 3 alert rules", output[0], StringComparison.Ordinal);
        var brand = Section(output, "Alerts about Tidewell, the brand");
        var others = Section(output, "Alerts about its products and people");
        Assert.True(Array.IndexOf(output, brand[0]) < Array.IndexOf(output, others[0]), "the brand's alerts come first");
        Assert.NotEmpty(brand);
        Assert.NotEmpty(others);
        AssertOldestFirst(brand);
        AssertOldestFirst(others);
        Assert.NotEmpty(Section(output, "Relationship alerts"));
    }

    [Fact]
    public async Task QuickStart_HourlyDigests_AreSentAsTheReplayPassesEachHourAndHoldEveryMention()
    {
        var output = await FirstRun.Value;

        var header = output.Single(line => line.StartsWith("Hourly digests, oldest first", StringComparison.Ordinal));
        var sent = int.Parse(DigestsShown().Match(header).Groups[2].Value, CultureInfo.InvariantCulture);
        var digests = Section(output, "Hourly digests").Where(line => !line.StartsWith("  busiest: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, digests.Count);
        AssertOldestFirst(digests);
        Assert.Contains(output, line => line.StartsWith("  busiest: ", StringComparison.Ordinal));

        // Every hour with mentions closes, the last one included: the digests together hold every mention found.
        var found = int.Parse(MentionsFound().Match(output.Single(line => line.Contains("mentions found", StringComparison.Ordinal))).Groups[1].Value, CultureInfo.InvariantCulture);
        var summary = DigestSummary().Match(output.Single(line => line.Contains("digests sent", StringComparison.Ordinal)));
        Assert.True(summary.Success, "no digest summary line");
        Assert.Equal(sent, int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(found, int.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task QuickStart_Summary_SaysWhatWasFoundAndSkippedInPlainWordsOldestLineFirst()
    {
        var output = await FirstRun.Value;

        Assert.Contains(output, line => line.Contains("mentions found", StringComparison.Ordinal));
        var skipped = output.Where(line => line.StartsWith("  skipped line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, skipped.Count);
        Assert.StartsWith("  skipped line 551: malformed post: not valid JSON", skipped[0], StringComparison.Ordinal);
        Assert.StartsWith("  skipped line 2785: malformed post: not valid JSON (at byte 1 of the line)", skipped[^1], StringComparison.Ordinal);
        Assert.Equal(skipped.Select(LineOf).Order(), skipped.Select(LineOf));
        Assert.All(skipped, line => Assert.DoesNotContain("LineNumber", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuickStart_People_ExplainWhyInFullWrappedLines()
    {
        var output = await FirstRun.Value;

        var why = output.SkipWhile(line => !line.StartsWith("The people who matter most", StringComparison.Ordinal))
            .TakeWhile(line => line.Length > 0)
            .Where(line => line.StartsWith("      ", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(why);
        Assert.All(why, line => Assert.True(line.Length <= 102, $"too long: {line}"));
        Assert.All(why, line => Assert.DoesNotContain("…", line, StringComparison.Ordinal));
        Assert.Contains(why, line => !line.TrimStart().StartsWith("why:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuickStart_End_SaysWhatToDoNext()
    {
        var output = await FirstRun.Value;

        var next = output.SkipWhile(line => line != "What next").ToList();
        Assert.Contains(next, line => line.Contains("dotnet run --project samples/Monitro.Samples.Crm -- --replay", StringComparison.Ordinal));
        Assert.Contains(next, line => line.Contains("docs/", StringComparison.Ordinal));
        Assert.Contains(next, line => line.Contains("sqlite3 ", StringComparison.Ordinal) && line.Contains("monitro-quickstart.db", StringComparison.Ordinal));
    }

    private static List<string> Section(string[] output, string header) =>
        [.. output.SkipWhile(line => !line.StartsWith(header, StringComparison.Ordinal)).Skip(1).TakeWhile(line => line.Length > 0)];

    private static void AssertOldestFirst(List<string> lines)
    {
        var times = lines.Select(line => DateTime.ParseExact(line.Trim()[..11], "MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
    }

    private static int LineOf(string line) => int.Parse(LineNumber().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"skipped line (\d+):")]
    private static partial Regex LineNumber();

    [GeneratedRegex(@"\((\d+) of (\d+),")]
    private static partial Regex DigestsShown();

    [GeneratedRegex(@"(\d+) mentions found")]
    private static partial Regex MentionsFound();

    [GeneratedRegex(@"(\d+) digests sent, (\d+) mentions in them")]
    private static partial Regex DigestSummary();

    // The sample is built beside this project (same configuration), and run by the dotnet host that runs the tests.
    private static async Task<string[]> RunQuickStartAsync()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var sample = Path.Combine(configuration.Parent!.Parent!.FullName, "Monitro.Samples.QuickStart", configuration.Name, "Monitro.Samples.QuickStart.dll");
        Assert.True(File.Exists(sample), "the quick start is not built at " + sample);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(sample)!,
        };
        start.ArgumentList.Add(sample);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "the quick start failed: " + await stderr);
        var text = (await stdout).ReplaceLineEndings("\n");
        return text.Split('\n');
    }
}
