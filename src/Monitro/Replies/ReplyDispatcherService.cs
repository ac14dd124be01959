using Microsoft.Extensions.Hosting;

namespace Monitro.Replies;

/// <summary>Runs the reply dispatcher for as long as the host runs.</summary>
internal sealed class ReplyDispatcherService(ReplyDispatcher dispatcher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await dispatcher.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
