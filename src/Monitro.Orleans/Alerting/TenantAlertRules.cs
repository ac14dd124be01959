using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitro.Alerting;

namespace Monitro.Orleans.Alerting;

/// <summary>
/// Each tenant's alert rules (<see cref="MonitroTenantOptions.Alerting"/>) as single-process routers, for the grains and
/// leases of one silo. The rules are read from the current options at each use, so a reload of the options reaches
/// the next batch, routing, transition and check of this silo without a restart.
/// </summary>
/// <remarks>
/// It keeps the last options that passed validation: a reload that fails validation reaches no listener, so the rules in
/// force stay as they were (as in one process) rather than every reader meeting the validation error.
/// </remarks>
internal sealed class TenantAlertRules : IDisposable
{
    private readonly IOptionsMonitor<MonitroOrleansOptions> _options;
    private readonly ILoggerFactory _loggers;
    private volatile MonitroOrleansOptions _current;
    private readonly IDisposable? _subscription;

    // Transitions only meet immediate rules and a tenant without rules routes nothing for later, so one stateless
    // router per tenant serves every person grain and lease; rebuilt from the new rules when the options change.
    private readonly ConcurrentDictionary<string, AlertRouter> _stateless = new(StringComparer.Ordinal);

    /// <param name="options">The cluster's options, watched for changes.</param>
    /// <param name="loggers">Creates the routers' loggers.</param>
    public TenantAlertRules(IOptionsMonitor<MonitroOrleansOptions> options, ILoggerFactory loggers)
    {
        _options = options;
        _loggers = loggers;
        _current = options.CurrentValue;
        _subscription = options.OnChange((changed, _) =>
        {
            _current = changed;
            _stateless.Clear();
        });
    }

    /// <summary>
    /// Gets how often the tenants' rules are checked: the shortest <see cref="AlertingOptions.CheckInterval"/> among the
    /// tenants with rules now, or <see langword="null"/> when no tenant has rules.
    /// </summary>
    public TimeSpan? CheckInterval =>
        _current.Tenants.Values.Where(static tenant => HasRules(tenant?.Alerting)).Select(static tenant => (TimeSpan?)tenant.Alerting.CheckInterval).Min();

    /// <summary>Creates the rules of a lease built outside a silo, from options that do not change.</summary>
    /// <param name="settings">The options.</param>
    public static TenantAlertRules Fixed(MonitroOrleansOptions settings) => new(new FixedClusterOptions(settings), NullLoggerFactory.Instance);

    /// <summary>Whether alerting options declare rules: then a tenant's mentions go through its alert grain, not straight to the outbox.</summary>
    public static bool HasRules(AlertingOptions? alerting) => alerting is { Rules.Count: > 0 };

    /// <summary>Gets a tenant's alerting options as they are now, or <see langword="null"/> for a tenant that declares nothing.</summary>
    public AlertingOptions? AlertingOf(string tenantId) =>
        _current.Tenants.TryGetValue(tenantId, out var tenant) ? tenant?.Alerting : null;

    /// <summary>
    /// Gets the router of a tenant's alerts that need no window: its relationship transitions, and every alert of a
    /// tenant without rules (each mention one alert, and each retraction one when the tenant raises them).
    /// </summary>
    public AlertRouter StatelessOf(string tenantId) =>
        _stateless.GetOrAdd(tenantId, id => AlertRouter.ForRules(AlertingOf(id) ?? new AlertingOptions(), TimeProvider.System, Logger()));

    /// <summary>Gets how a tenant's relationship transitions are routed: through the tenant's rules as they are at the moment of routing (without rules, every transition is one alert).</summary>
    public TransitionRoute TransitionsOf(string tenantId) =>
        (transitions, now, roleOf) => StatelessOf(tenantId).Route(transitions, now, roleOf: roleOf);

    /// <summary>Creates the owner of a tenant's rules for one activation of its alert grain: the windows and series are that activation's own, and its rules follow the options.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="store">The tenant's store.</param>
    /// <param name="timeProvider">The clock; a spike rule counts from the moment the owner is created, unless the store says earlier.</param>
    public TenantAlertOwner CreateOwner(string tenantId, IMonitroStore store, TimeProvider timeProvider) =>
        new(store, new AlertRouter(new TenantAlertingMonitor(_options, () => _current, tenantId), timeProvider, Logger()));

    /// <inheritdoc/>
    public void Dispose() => _subscription?.Dispose();

    private ILogger Logger() => _loggers.CreateLogger("Monitro.Orleans.Alerting");
}
