using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitro.DependencyInjection;

/// <summary>Runs the pipeline in the background of a Generic Host.</summary>
internal sealed class MonitroHostedService : BackgroundService
{
    private readonly MentionMonitor _monitor;
    private readonly bool _enabled;

    public MonitroHostedService(MentionMonitor monitor, IOptions<MonitroOptions> options)
    {
        _monitor = monitor;
        _enabled = options.Value.RunInBackground;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_enabled)
        {
            return;
        }

        try
        {
            await _monitor.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
