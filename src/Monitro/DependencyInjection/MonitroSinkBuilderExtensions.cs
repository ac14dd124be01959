using Monitro.Validation.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitro.Alerting.Delivery;

namespace Monitro;

/// <summary>Adds Monitro's built-in sinks: signed webhooks and CRM events.</summary>
public static class MonitroSinkBuilderExtensions
{
    /// <summary>Adds a sink that posts every alert to a webhook, signed (see docs/webhooks.md).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The sink's name, which names its options (validated when the host starts) and its HTTP client.</param>
    /// <param name="configure">Sets the endpoint and the secret (at least 32 bytes; from a secret store, never in code).</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IMonitroBuilder AddWebhookSink(this IMonitroBuilder builder, string name, Action<WebhookAlertSinkOptions> configure)
    {
        AddWebhookOptions(builder, name, configure);
        return builder.AddSink(provider => CreateWebhook(provider, name));
    }

    /// <summary>Adds a sink that turns alerts into versioned, signed CRM events (<c>mention.created</c>, <c>person.upserted</c>, …; see docs/crm-events.md) posted to a webhook.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The sink's name, which names its options (validated when the host starts) and its HTTP client.</param>
    /// <param name="configure">Sets the CRM's endpoint and the shared secret.</param>
    /// <param name="contactIdOf">Gives the CRM's contact id of an author, or <see langword="null"/> when the CRM does not know them.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IMonitroBuilder AddCrmEvents(this IMonitroBuilder builder, string name, Action<WebhookAlertSinkOptions> configure, Func<Author, string?>? contactIdOf = null)
    {
        AddWebhookOptions(builder, name, configure);
        return builder.AddSink(provider => new CrmEventSink(CreateWebhook(provider, name), contactIdOf, provider.GetService<IRelationshipScorer>()));
    }

    private static void AddWebhookOptions(IMonitroBuilder builder, string name, Action<WebhookAlertSinkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<WebhookAlertSinkOptions>(name).Configure(configure).ValidateOnStart();
        OptionsValidatorRegistration.Add<WebhookAlertSinkOptions, WebhookAlertSinkOptionsValidator>(builder.Services);

        // One client per sink for the application's lifetime; the pooled connections are renewed so that DNS
        // changes are seen (what IHttpClientFactory would do, without a dependency on it). The container disposes it.
        builder.Services.TryAddKeyedSingleton(ClientKey(name), static (_, _) => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }));
    }

    private static WebhookAlertSink CreateWebhook(IServiceProvider provider, string name) => new(
        provider.GetRequiredKeyedService<HttpClient>(ClientKey(name)),
        provider.GetRequiredService<IOptionsMonitor<WebhookAlertSinkOptions>>().Get(name),
        provider.GetService<TimeProvider>(),
        provider.GetService<ILogger<WebhookAlertSink>>());

    private static string ClientKey(string name) => "Monitro.Webhook:" + name;
}
