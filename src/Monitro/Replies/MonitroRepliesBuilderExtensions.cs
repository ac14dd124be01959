using Monitro.Validation.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitro.Diagnostics;
using Monitro.Replies;

namespace Monitro;

/// <summary>Adds the reply outbox (<see cref="ReplyDesk"/>) to Monitro.</summary>
public static class MonitroRepliesBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="ReplyDesk"/> and the background dispatcher that publishes its replies through the registered
    /// <see cref="IReplyPublisher"/>s. The store must implement <see cref="IReplyOutbox"/> (the in-memory, SQLite and PostgreSQL stores do).
    /// </summary>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="configure">Configures the options (approvals, saved replies, retries); validated at start.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddReplies(this IMonitroBuilder builder, Action<ReplyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ReplyOptions>().Configure(configure ?? (static _ => { })).ValidateOnStart();
        OptionsValidatorRegistration.Add<ReplyOptions, ReplyOptionsValidator>(services);
        OptionsValidatorRegistration.Add<ReplyOptions, ReplyOptionsRulesValidator>(services);
        services.TryAddSingleton(static provider =>
        {
            var publishers = new Dictionary<string, IReplyPublisher>(StringComparer.Ordinal);
            foreach (var publisher in provider.GetServices<IReplyPublisher>())
            {
                if (!publishers.TryAdd(publisher.Account, publisher))
                {
                    throw new InvalidOperationException($"Two reply publishers are registered for the account '{publisher.Account}'.");
                }
            }

            var outbox = provider.GetRequiredService<IReplyOutbox>();
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("Monitro.Replies") ?? NullLogger.Instance;
            var options = provider.GetRequiredService<IOptions<ReplyOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            var dispatcher = new ReplyDispatcher(outbox, publishers, options, time, logger, provider.GetRequiredService<MonitroMetrics>());
            return new ReplyDesk(outbox, publishers, options, time, dispatcher);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReplyDispatcherService>());
        services.TryAddSingleton(static provider => provider.GetRequiredService<ReplyDesk>().Dispatcher);
        return builder;
    }
}
