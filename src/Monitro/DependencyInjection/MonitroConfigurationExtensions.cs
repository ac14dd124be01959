using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitro.Alerting;
using Monitro.Relationships;
using Monitro.Validation.Shared;

namespace Monitro;

/// <summary>Registers Monitro from one configuration section (for example <c>appsettings.json</c>'s <c>"Monitro"</c>).</summary>
public static class MonitroConfigurationExtensions
{
    /// <summary>Adds the Monitro pipeline configured from a section: options and watches, alert rules, relationship options, webhook and CRM-event sinks.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, for example <c>configuration.GetSection("Monitro")</c>; its shape is in docs/configuration.md.</param>
    /// <returns>An <see cref="IMonitroBuilder"/> to add more (sources, for example <c>AddSources(section.GetSection("Sources"))</c> from Monitro.Sources, and a store).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="section"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>The section binds <see cref="MonitroOptions"/> at its root, <see cref="AlertingOptions"/> under <c>Alerting</c>,
    /// <see cref="RelationshipOptions"/> under <c>Relationships</c>, one webhook sink per child of <c>Webhooks</c> and one
    /// CRM-event sink per child of <c>CrmEvents</c> (the child's key is the sink's name). Everything is validated when the
    /// host starts (or on first use without a host); a value that does not convert or does not validate fails with its
    /// configuration path, such as <c>Monitro:Watches:1</c>.</para>
    /// <para>The bound values are read when the options are first used, so later configuration sources (command line,
    /// environment) still apply; builder calls after this one add to what the section says.</para>
    /// </remarks>
    public static IMonitroBuilder AddMonitro(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var paths = OptionsConfigurationPaths.Of(services);
        var builder = services.AddMonitro(options => section.Bind(options));
        paths.Add<MonitroOptions>(string.Empty, section.Path);
        var alerting = section.GetSection("Alerting");
        services.AddOptions<AlertingOptions>().Bind(alerting);
        paths.Add<AlertingOptions>(string.Empty, alerting.Path);
        var relationships = section.GetSection("Relationships");
        services.AddOptions<RelationshipOptions>().Bind(relationships);
        paths.Add<RelationshipOptions>(string.Empty, relationships.Path);
        foreach (var webhook in section.GetSection("Webhooks").GetChildren())
        {
            builder.AddWebhookSink(webhook.Key, options => webhook.Bind(options));
            paths.Add<WebhookAlertSinkOptions>(webhook.Key, webhook.Path);
        }

        foreach (var crm in section.GetSection("CrmEvents").GetChildren())
        {
            builder.AddCrmEvents(crm.Key, options => crm.Bind(options));
            paths.Add<WebhookAlertSinkOptions>(crm.Key, crm.Path);
        }

        return builder;
    }
}
