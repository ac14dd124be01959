using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Benchmarks.Pipeline;

/// <summary>The whole single-process pipeline over one source, into the in-memory store, with a sink that discards alerts.</summary>
internal static class WholePipelineRun
{
    /// <summary>Runs until the source ends.</summary>
    /// <returns>The mentions found.</returns>
    public static async Task<int> ListenAsync(IListeningSource source, IEnumerable<Watch> watches)
    {
        var services = new ServiceCollection();
        var builder = services.AddMonitro().AddSource(source).AddSink(new DiscardingSink());
        foreach (var watch in watches)
        {
            builder.AddWatch(watch);
        }

        await using var provider = services.BuildServiceProvider();
        var found = 0;
        await foreach (var unused in provider.GetRequiredService<MentionMonitor>().ListenAsync())
        {
            found++;
        }

        return found;
    }
}
