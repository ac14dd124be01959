using Microsoft.Extensions.Options;

namespace Monitro.Orleans.Alerting;

/// <summary>
/// One tenant's <see cref="MonitroTenantOptions.Alerting"/> as options of their own, following the cluster's options: a
/// reload of the tenant's configuration reaches the single-process router, which swaps its rules as it does in one
/// process (keeping the windows and series of the rules whose settings did not change).
/// </summary>
/// <param name="options">The cluster's options, watched for changes.</param>
/// <param name="current">The cluster's options in force: the last that passed validation.</param>
/// <param name="tenantId">The tenant.</param>
internal sealed class TenantAlertingMonitor(IOptionsMonitor<MonitroOrleansOptions> options, Func<MonitroOrleansOptions> current, string tenantId) : IOptionsMonitor<AlertingOptions>
{
    // A tenant removed from the options has no rule: its windows are dropped, as those of a removed rule are.
    private static readonly AlertingOptions None = new();

    public AlertingOptions CurrentValue => Of(current());

    public AlertingOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<AlertingOptions, string?> listener) =>
        options.OnChange((changed, name) => listener(Of(changed), name));

    private AlertingOptions Of(MonitroOrleansOptions changed) =>
        changed.Tenants.TryGetValue(tenantId, out var tenant) && tenant is not null ? tenant.Alerting : None;
}
