namespace Monitro.Orleans.People;

/// <summary>The version of one tenant's identity links, in memory: losing it costs every lease one reload from the store.</summary>
internal sealed class TenantLinksGrain(TimeProvider timeProvider) : Grain, ITenantLinksGrain
{
    // Past every version an earlier activation handed out (it moves by one per link commit, far slower than the clock's ticks).
    private long _version = timeProvider.GetUtcNow().UtcTicks;

    public Task<long> GetVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult(_version);

    public Task<long> MoveAsync(CancellationToken cancellationToken = default) => Task.FromResult(++_version);
}
