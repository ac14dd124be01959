using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitro.Testing;

namespace Monitro.Tests;

/// <summary>Builds service providers with Monitro registered the way tests need it.</summary>
internal static class MonitroTestHost
{
    public static ServiceProvider Build(
        Action<IMonitroBuilder> configure, Action<MonitroOptions>? options = null, TimeProvider? timeProvider = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        if (timeProvider is not null)
        {
            collection.AddSingleton(timeProvider);
        }

        var builder = collection.AddMonitro(o =>
        {
            o.SourceRetryInitialDelay = TimeSpan.FromMilliseconds(1);
            o.SourceRetryMaxDelay = TimeSpan.FromMilliseconds(20);
            o.SinkRetryInitialDelay = TimeSpan.FromMilliseconds(1);
            options?.Invoke(o);
        });
        builder.AddWatch("acme", WatchCategory.Brand, "acme OR \"acme corp\"");
        configure(builder);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static async Task<List<Mention>> ListenAllAsync(this MentionMonitor monitor, CancellationToken cancellationToken = default)
    {
        var mentions = new List<Mention>();
        await foreach (var mention in monitor.ListenAsync(cancellationToken))
        {
            mentions.Add(mention);
        }

        return mentions;
    }

    /// <summary>Polls a condition until it holds, failing after a generous bound so a broken pipeline cannot hang the suite.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(10);
        }
    }
}
