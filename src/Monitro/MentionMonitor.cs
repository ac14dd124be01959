using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitro.Alerting.Delivery;
using Monitro.Diagnostics;
using Monitro.Pipeline;

namespace Monitro;

/// <summary>
/// Runs Monitro's listening pipeline: sources → normalize → dedup → match → enrich → relate → deliver.
/// </summary>
/// <remarks>
/// <para>Get it from the service provider after <c>services.AddMonitro(...)</c>. Use it without a host through
/// <see cref="ListenAsync"/>, which yields every committed mention, or let the hosted service that
/// <c>AddMonitro</c> registers call <see cref="RunAsync"/>.</para>
/// <para>One run at a time: starting a second run while one is active throws.</para>
/// </remarks>
public sealed class MentionMonitor
{
    private readonly PipelineServices _services;
    private int _running;

    internal MentionMonitor(
        IEnumerable<IListeningSource> sources,
        IMentionMatcher matcher,
        IMonitroStore store,
        IAlertOutbox outbox,
        IEnumerable<IAlertSink> sinks,
        IRelationshipScorer scorer,
        IOptions<MonitroOptions> options,
        TimeProvider timeProvider,
        MonitroMetrics metrics,
        ILoggerFactory? loggerFactory,
        ISentimentAnalyzer? sentimentAnalyzer = null,
        IIntentDetector? intentDetector = null)
    {
        var settings = options.Value;
        var sourceList = sources.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sourceList)
        {
            if (!names.Add(source.Name))
            {
                throw new InvalidOperationException($"Two sources are named '{source.Name}'; source names must be unique because checkpoints are kept per name.");
            }
        }

        if (matcher is MentionMatcher own)
        {
            // One index build for all of them, not one per watch.
            own.AddWatches(settings.Watches.Select(definition => definition.ToWatch()));
        }
        else
        {
            foreach (var definition in settings.Watches)
            {
                matcher.AddWatch(definition.ToWatch());
            }
        }

        _services = new PipelineServices(
            sourceList,
            matcher,
            store,
            outbox,
            [.. sinks],
            scorer,
            sentimentAnalyzer,
            intentDetector,
            settings,
            timeProvider,
            metrics,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Monitro"));
        _services = _services with { Circuits = SinkCircuit.ForEach(_services.Sinks, settings) };
    }

    /// <summary>Gets the matcher with the compiled watches; watches can be added or removed while running.</summary>
    public IMentionMatcher Matcher => _services.Matcher;

    /// <summary>Gets the relationship scorer, to read people's scores.</summary>
    public IRelationshipScorer Relationships => _services.Scorer;

    /// <summary>Gets the store the pipeline commits to.</summary>
    public IMonitroStore Store => _services.Store;

    /// <summary>Reads how delivery to each sink is going: its circuit, and what it took and failed since this monitor was created.</summary>
    /// <returns>One state per sink, in the order the sinks were added.</returns>
    /// <remarks>The alerts waiting for delivery are in the outbox, and those given up in <see cref="IAlertDeadLetters"/>.</remarks>
    public IReadOnlyList<SinkDeliveryState> GetSinkStates()
    {
        var now = _services.TimeProvider.GetUtcNow();
        return [.. _services.Circuits!.Select(circuit => circuit.Read(now))];
    }

    /// <summary>Sets the router of the alert rules (<c>AddMonitro</c> sets it from <c>AlertingOptions</c>).</summary>
    internal Alerting.AlertRouter AlertRouter
    {
        init => _services = _services with { Alerting = value };
    }

    /// <summary>Sets where runs report their activity for health checks and gauges (<c>AddMonitro</c> shares it with them).</summary>
    internal Diagnostics.PipelineActivity Activity
    {
        get => _services.Activity;
        init => _services = _services with { Activity = value };
    }

    /// <summary>Sets the response-time targets that set the due time of inbox items (<c>AddMonitro</c> sets them from <c>RelationshipOptions</c>).</summary>
    internal RelationshipOptions ResponseTargets
    {
        init => _services = _services with { ResponseTargets = value };
    }

    /// <summary>Sets the store's interaction history, replayed into the relationship scorer when the first run starts.</summary>
    internal IInteractionHistory? InteractionHistory
    {
        init => _services = _services with { Restorer = value is null ? null : new RelationshipRestorer(value) };
    }

    /// <summary>Sets the store's durable alerting state, restored into the router and the relationships when the first run starts.</summary>
    internal IAlertStateStore? AlertStateStore
    {
        init => _services = _services with { StateRestorer = value is null ? null : new Alerting.State.AlertStateRestorer(value) };
    }

    /// <summary>Runs the pipeline and yields each mention once it is committed.</summary>
    /// <param name="cancellationToken">Stops the pipeline; committed work stays committed.</param>
    /// <returns>The mentions, in commit order. The sequence ends when every source is exhausted and its alerts are delivered.</returns>
    /// <exception cref="InvalidOperationException">A run is already active, or the pipeline failed (the inner exception says why).</exception>
    public async IAsyncEnumerable<Mention> ListenAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnterRun();
        try
        {
            var output = Channel.CreateBounded<Mention>(new BoundedChannelOptions(_services.Options.DeliveryQueueCapacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pipeline = new ListeningPipeline(_services);
            var running = Task.Run(() => pipeline.RunAsync(output.Writer, stop.Token), CancellationToken.None);
            try
            {
                await foreach (var mention in output.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return mention;
                }
            }
            finally
            {
                // The caller stopped reading (or the run ended): stop the run and wait for it to wind down.
                await stop.CancelAsync().ConfigureAwait(false);
                await ObserveAsync(running, stop.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Runs the pipeline until every source is exhausted and its alerts are delivered, or until cancelled.</summary>
    /// <param name="cancellationToken">Stops the pipeline; committed work stays committed.</param>
    /// <returns>A task that completes when the run ends.</returns>
    /// <exception cref="InvalidOperationException">A run is already active, or the pipeline failed.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        EnterRun();
        try
        {
            await new ListeningPipeline(_services).RunAsync(output: null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private void EnterRun()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("This MentionMonitor is already running; start one run at a time.");
        }
    }

    private static async Task ObserveAsync(Task running, CancellationToken stopped)
    {
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            // Stopping on request is the normal end of a listen loop that the caller left.
        }
    }
}
