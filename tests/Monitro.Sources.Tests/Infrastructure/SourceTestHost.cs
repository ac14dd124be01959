using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Monitro.Sources.Tests.Infrastructure;

/// <summary>
/// A DI container with a fake clock, fake logging and metrics, in which a test registers sources through the public
/// builder extensions. A pump moves the fake clock forward (one fake second per real millisecond or so) so that poll
/// intervals, Retry-After waits and timeouts run in fake time and the tests stay short. Without the pump the clock moves
/// only when the test advances it, and every wait a source starts is recorded in <see cref="Waits"/>.
/// </summary>
public sealed class SourceTestHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _pumpStop = new();
    private readonly Task _pump;
    private ServiceProvider? _provider;

    public SourceTestHost(bool pumpClock = true)
    {
        Services.AddSingleton<TimeProvider>(pumpClock ? Time : new WaitRecordingTimeProvider(Time, Waits));
        Services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        Services.AddMetrics();
        Builder = new TestMonitroBuilder(Services);
        _pump = pumpClock ? Task.Run(PumpAsync) : Task.CompletedTask;
    }

    /// <summary>Gets the due times of the one-shot timers started on the clock (each <c>Task.Delay</c>), when the clock is not pumped.</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public ServiceCollection Services { get; } = new();

    public IMonitroBuilder Builder { get; }

    public IServiceProvider Provider => _provider ??= Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    public FakeLogCollector Logs => Provider.GetRequiredService<FakeLogCollector>();

    public ISourceHealthMonitor Health => Provider.GetRequiredService<ISourceHealthMonitor>();

    /// <summary>Test resilience: few quick retries, long fake-time timeouts so slow first requests never time out by accident.</summary>
    public static void FastResilience(HttpStandardResilienceOptions options)
    {
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AttemptTimeout.Timeout = TimeSpan.FromHours(2);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromHours(12);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromHours(5);
    }

    public IListeningSource Source(string name) =>
        Provider.GetServices<IListeningSource>().Single(s => s.Name == name);

    public MetricCollector<long> Metric(string instrument) =>
        new(Provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Monitro", instrument);

    /// <summary>Gets the records the sources wrote (not the resilience handler's own) at or above a level.</summary>
    public IReadOnlyList<FakeLogRecord> LogsAtLeast(LogLevel level) =>
        [.. Logs.GetSnapshot().Where(r => r.Level >= level && r.Category is not null && r.Category.StartsWith("Monitro.Sources.", StringComparison.Ordinal))];

    /// <summary>Reads the source in the background until <paramref name="done"/> holds, then stops it and returns the batches.</summary>
    public async Task<List<SourceBatch>> ReadUntilAsync(
        IListeningSource source, SourceCheckpoint? checkpoint, Func<IReadOnlyList<SourceBatch>, bool> done, int timeoutSeconds = 60)
    {
        var batches = new List<SourceBatch>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            await foreach (var batch in source.ReadAsync(checkpoint, stop.Token))
            {
                lock (batches)
                {
                    batches.Add(batch);
                }
            }
        });

        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            lock (batches)
            {
                if (done(batches))
                {
                    break;
                }
            }

            if (reader.IsCompleted)
            {
                await reader;
                throw new InvalidOperationException("The source stopped by itself.");
            }

            if (DateTime.UtcNow > deadline)
            {
                await stop.CancelAsync();
                var recent = string.Join("\n", Logs.GetSnapshot().TakeLast(8).Select(r => $"{r.Category}: {r.Message}"));
                throw new TimeoutException($"The condition did not hold within {timeoutSeconds} s; {batches.Count} batches were read. Last logs:\n{recent}");
            }

            await Task.Delay(5);
        }

        await stop.CancelAsync();
        try
        {
            await reader;
        }
        catch (OperationCanceledException)
        {
        }

        lock (batches)
        {
            return [.. batches];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _pumpStop.CancelAsync();
        await _pump;
        _pumpStop.Dispose();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private async Task PumpAsync()
    {
        // One fake second per real millisecond, however coarse the real delays turn out to be.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var advanced = TimeSpan.Zero;
        while (!_pumpStop.IsCancellationRequested)
        {
            var target = clock.Elapsed * 1000;
            Time.Advance(target - advanced);
            advanced = target;
            try
            {
                await Task.Delay(1, _pumpStop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The fake clock, recording the due time of every one-shot timer started on it.</summary>
    private sealed class WaitRecordingTimeProvider(FakeTimeProvider inner, ConcurrentQueue<TimeSpan> waits) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (period == Timeout.InfiniteTimeSpan)
            {
                waits.Enqueue(dueTime);
            }

            return inner.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed record TestMonitroBuilder(Microsoft.Extensions.DependencyInjection.IServiceCollection Services) : IMonitroBuilder;
}

public static class BatchExtensions
{
    public static IReadOnlyList<Post> AllPosts(this IEnumerable<SourceBatch> batches) => [.. batches.SelectMany(b => b.Posts)];

    public static IReadOnlyList<SkippedItem> AllSkipped(this IEnumerable<SourceBatch> batches) => [.. batches.SelectMany(b => b.Skipped)];
}
