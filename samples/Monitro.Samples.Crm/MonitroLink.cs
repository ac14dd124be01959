namespace Monitro.Samples.Crm;

/// <summary>
/// The Monitro running in this process (the replay's), for what the CRM cannot learn from events: a contact's
/// interactions for the chart, the inbox state of a case and the reply desk. Empty when the CRM runs alone; the app
/// disposes the Monitro services with itself.
/// </summary>
public sealed class MonitroLink : IAsyncDisposable
{
    private ServiceProvider? _services;

    /// <summary>Gets Monitro's services, or <see langword="null"/> while no Monitro runs in this process.</summary>
    public IServiceProvider? Services => Volatile.Read(ref _services);

    /// <summary>Hands the Monitro's services to the CRM, which keeps them until it stops.</summary>
    public void Attach(ServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (Interlocked.CompareExchange(ref _services, services, null) is not null)
        {
            throw new InvalidOperationException("A Monitro is already linked to this CRM.");
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _services, null) is { } services)
        {
            await services.DisposeAsync();
        }
    }
}
