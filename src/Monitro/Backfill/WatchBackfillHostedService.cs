using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitro.Backfill;

/// <summary>Requests a backfill of every configured watch when the host starts, if the application opted in, and stops the scheduler with the host.</summary>
/// <remarks>A new watch has no stored cursor and is re-matched over every stored post; a changed one starts over; an
/// unchanged one resumes after its cursor, so a restart finishes an interrupted backfill and otherwise reads only the
/// posts stored since.</remarks>
internal sealed class WatchBackfillHostedService(IServiceProvider services, IOptions<MonitroOptions> options) : IHostedService
{
    private WatchBackfillScheduler? _scheduler;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.BackfillWatchesOnStart)
        {
            _scheduler = services.GetRequiredService<WatchBackfillScheduler>();
            foreach (var definition in options.Value.Watches)
            {
                _scheduler.Request(definition.ToWatch());
            }
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
        {
            await _scheduler.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
