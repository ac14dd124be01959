using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitro.Sources.Rss;
using Monitro.Sources.Tests.Infrastructure;
using Monitro.Testing;
using Xunit.Abstractions;

namespace Monitro.Sources.Tests.Rss.Conformance;

/// <summary>
/// Serves every test feed of feedparser's suite from one loopback server, with the file's own HTTP headers, and reads
/// it through a real RSS source. The clauses about fields Monitro maps are checked (see <see cref="FeedExpectation"/>
/// for the shapes read and <see cref="FeedExpectation.BozoReason"/> and its siblings for those left unchecked); every
/// other file only has to be read without an error escaping the source.
/// </summary>
public sealed class FeedConformanceTests(ITestOutputHelper output)
{
    private const string Suite = "feedparser";

    [SkippableFact]
    public async Task FeedparserSuite_ReadThroughTheRssSource_MeetsTheTargets()
    {
        var skipReason = ConformanceData.SkipReason(Suite);
        Skip.If(skipReason is not null, skipReason);
        var files = FeedTestFile.ReadSuite(ConformanceData.Require(Suite));
        var byPath = files.ToDictionary(f => "/" + f.RelativePath, StringComparer.Ordinal);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", context => ServeAsync(context, byPath)));
        await using var host = new SourceTestHost();
        for (var i = 0; i < files.Count; i++)
        {
            var url = server.Url(files[i].RelativePath);
            host.Builder.AddRss(SourceName(i), o =>
            {
                o.FeedUrl = url;
                o.PollInterval = TimeSpan.FromMinutes(1);
                o.RequestsPerMinute = 10_000;
                o.FirstRun = FirstRunMode.EverythingAvailable;
            }, SourceTestHost.FastResilience);
        }

        var results = new FeedReadResult[files.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => results[i] = await ReadFirstPollAsync(host, SourceName(i), files[i]));

        var tally = new FeedConformanceTally();
        foreach (var result in results)
        {
            tally.Add(result, server.BaseAddress);
        }

        // The counts go to the console, where a person running dotnet test sees them; the failures to the test's output.
        Console.Error.WriteLine(tally.Report());
        output.WriteLine(tally.Report());
        foreach (var failure in tally.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.Equal(0, tally.Total.Escaped);
        Assert.True(tally.Total.YieldRate >= 0.99, $"{tally.Total.YieldRate:P1} of the files with entries yielded a post (target 99%).");
        Assert.True(tally.Total.CheckRate >= 0.95, $"{tally.Total.CheckRate:P1} of the field checks passed (target 95%).");
        foreach (var folder in new[] { "entities", "encoding" })
        {
            Assert.True(tally[folder].YieldingAllEntries == tally[folder].WithEntries, $"{folder}: {tally[folder]}");
        }

        // Most entities/ feeds test an entity in the feed's title, which Monitro does not model: no entity may stop their reading.
        Assert.DoesNotContain(
            results.Where(r => r.File.Folder == "entities").SelectMany(r => r.Skipped),
            s => s.Reason.Contains("entity", StringComparison.OrdinalIgnoreCase));
    }

    private static string SourceName(int index) => $"feed-{index:D4}";

    private static async Task ServeAsync(HttpContext context, Dictionary<string, FeedTestFile> files)
    {
        if (!files.TryGetValue(context.Request.Path.Value ?? string.Empty, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        foreach (var (name, value) in file.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(file.Bytes);
    }

    /// <summary>Reads the first batch the source yields; a poll that fails (an error escaping the parser) is reported instead.</summary>
    private static async Task<FeedReadResult> ReadFirstPollAsync(SourceTestHost host, string name, FeedTestFile file)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var source = host.Source(name);
        var read = Task.Run(async () =>
        {
            await foreach (var batch in source.ReadAsync(null, stop.Token))
            {
                return batch;
            }

            return null;
        });

        while (!read.IsCompleted)
        {
            if (host.Health.Find(name) is { ConsecutiveFailures: > 0, LastError: var error })
            {
                await stop.CancelAsync();
                return new FeedReadResult(file, [], [], error ?? "the poll failed");
            }

            await Task.WhenAny(read, Task.Delay(10));
        }

        try
        {
            var batch = await read;
            return new FeedReadResult(file, batch?.Posts ?? [], batch?.Skipped ?? [], batch is null ? "no batch" : null);
        }
        catch (OperationCanceledException)
        {
            return new FeedReadResult(file, [], [], "no batch within a minute");
        }
    }
}
