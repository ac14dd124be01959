using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Alerting;

namespace Monitro.Orleans.Alerting;

/// <summary>Each tenant's alert rules (<see cref="MonitroTenantOptions.Alerting"/>) as single-process routers, for the grains of one silo.</summary>
internal sealed class TenantAlertRules(IOptions<MonitroOrleansOptions> options, ILoggerFactory loggers)
{
    // Transitions only meet immediate rules (digests and spikes take mentions), so one stateless router per tenant serves every person grain.
    private readonly ConcurrentDictionary<string, TransitionRoute?> _transitions = new(StringComparer.Ordinal);

    /// <summary>Gets the tenants that declare at least one rule.</summary>
    public IEnumerable<string> Tenants =>
        options.Value.Tenants.Where(static pair => pair.Value.Alerting.Rules.Count > 0).Select(static pair => pair.Key).Order(StringComparer.Ordinal);

    /// <summary>Gets how often the tenants' rules are checked: the shortest <see cref="AlertingOptions.CheckInterval"/> among them.</summary>
    public TimeSpan CheckInterval =>
        options.Value.Tenants.Values.Where(static tenant => tenant.Alerting.Rules.Count > 0).Select(static tenant => tenant.Alerting.CheckInterval).DefaultIfEmpty(TimeSpan.FromMinutes(1)).Min();

    /// <summary>Whether a tenant declares rules: then its mentions go through its alert grain, not straight to the outbox.</summary>
    public static bool Apply(MonitroOrleansOptions settings, string tenantId) =>
        settings.Tenants.TryGetValue(tenantId, out var tenant) && tenant.Alerting.Rules.Count > 0;

    /// <summary>Gets how a tenant's relationship transitions are routed, or <see langword="null"/> when the tenant has no rule (every transition is one alert).</summary>
    public TransitionRoute? TransitionsOf(string tenantId) =>
        _transitions.GetOrAdd(tenantId, id => Apply(options.Value, id) ? RouteWith(CreateRouter(id, TimeProvider.System)) : null);

    /// <summary>Creates the owner of a tenant's rules for one activation of its alert grain: the windows and series are that activation's own.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="store">The tenant's store.</param>
    /// <param name="timeProvider">The clock; a spike rule counts from the moment the owner is created, unless the store says earlier.</param>
    public TenantAlertOwner CreateOwner(string tenantId, IMonitroStore store, TimeProvider timeProvider) =>
        new(store, CreateRouter(tenantId, timeProvider));

    private static TransitionRoute RouteWith(AlertRouter router) => (transitions, now, roleOf) => router.Route(transitions, now, roleOf: roleOf);

    private AlertRouter CreateRouter(string tenantId, TimeProvider timeProvider) =>
        AlertRouter.ForRules(options.Value.Tenants[tenantId].Alerting, timeProvider, loggers.CreateLogger("Monitro.Orleans.Alerting"));
}
