using Microsoft.Extensions.DependencyInjection;
using Monitro.Alerting;

namespace Monitro;

/// <summary>Adds alert rules (see docs/alerts.md) to Monitro.</summary>
public static class MonitroAlertingBuilderExtensions
{
    /// <summary>Adds an alert rule: which mentions raise alerts, and whether immediately, in digests or on spikes.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The rule's unique name.</param>
    /// <param name="configure">Sets the rule's filters and mode.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <remarks>Rules are validated with the other alerting options when the host starts.</remarks>
    public static IMonitroBuilder AddAlertRule(this IMonitroBuilder builder, string name, Action<AlertRuleOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<AlertingOptions>(options =>
        {
            var rule = new AlertRuleOptions { Name = name };
            configure(rule);
            options.Rules.Add(rule);
        });
        return builder;
    }
}
