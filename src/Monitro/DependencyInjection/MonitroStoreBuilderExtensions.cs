using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitro.DependencyInjection;

namespace Monitro;

/// <summary>Registers a store on an <see cref="IMonitroBuilder"/> so that the last store registered is the only one.</summary>
/// <remarks>
/// For store packages: their <c>UseX(...)</c> methods call <see cref="UseStore{TStore}"/>, so that switching stores
/// (<c>UseSqlite(...)</c> then <c>UsePostgreSql(...)</c>, the reverse, or the same one twice) leaves nothing of the
/// earlier store behind: not its store, options, validators, nor hosted services such as its schema migrator.
/// </remarks>
public static class MonitroStoreBuilderExtensions
{
    // The contracts a store answers; the in-memory default answers the first two.
    private static readonly Type[] StoreContracts =
    [
        typeof(IMonitroStore),
        typeof(IAlertOutbox),
        typeof(IAlertDeadLetters),
        typeof(IMonitroQueries),
        typeof(IInteractionHistory),
        typeof(IPersonDataEraser),
        typeof(IRelationshipSnapshotStore),
        typeof(IMonitroInsights),
        typeof(IPersonInteractionHistory),
        typeof(IRecentInteractionHistory),
        typeof(IStoredPosts),
        typeof(IReplyOutbox),
    ];

    /// <summary>Makes <typeparamref name="TStore"/> Monitro's store, removing every registration of the store registered before.</summary>
    /// <typeparam name="TStore">
    /// The store. One instance (a singleton) answers every store contract it implements: <see cref="IMonitroStore"/>,
    /// <see cref="IAlertOutbox"/>, and, when implemented, <see cref="IAlertDeadLetters"/>, <see cref="IMonitroQueries"/>, <see cref="IInteractionHistory"/>, <see cref="IPersonDataEraser"/>
    /// and <see cref="IRelationshipSnapshotStore"/>.
    /// </typeparam>
    /// <param name="builder">The Monitro builder.</param>
    /// <param name="createStore">Creates the store instance.</param>
    /// <param name="addStoreServices">
    /// Adds what the store needs beside it (its options and their validators, hosted services such as a schema
    /// migrator, a connection pool). Every service descriptor it adds belongs to this store and is removed when a
    /// later call replaces the store; so is <typeparamref name="TStore"/> itself.
    /// </param>
    /// <returns>The same builder for chaining.</returns>
    /// <remarks>
    /// <para>Before registering, this removes every descriptor that the previous call of this method added, and every
    /// registration of the store contracts above (the in-memory default, or one the application added itself), so
    /// the last call wins whole: options configured by an earlier call of the same store do not carry over.</para>
    /// <para>Services registered outside <paramref name="addStoreServices"/> (for example options configured with
    /// <c>services.Configure&lt;TOptions&gt;</c>) are left alone.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IMonitroBuilder UseStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.Interfaces)] TStore>(
        this IMonitroBuilder builder, Func<IServiceProvider, TStore> createStore, Action<IServiceCollection> addStoreServices)
        where TStore : class, IMonitroStore, IAlertOutbox
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(createStore);
        ArgumentNullException.ThrowIfNull(addStoreServices);
        var services = builder.Services;
        RemoveEarlierStore(services);

        var before = new HashSet<ServiceDescriptor>(services, ReferenceEqualityComparer.Instance);
        services.AddSingleton(createStore);
        foreach (var contract in StoreContracts.Where(contract => contract.IsAssignableFrom(typeof(TStore))))
        {
            services.AddSingleton(contract, static provider => provider.GetRequiredService<TStore>());
        }

        addStoreServices(services);
        services.AddSingleton(new StoreRegistration(typeof(TStore), [.. services.Where(descriptor => !before.Contains(descriptor))]));
        return builder;
    }

    private static void RemoveEarlierStore(IServiceCollection services)
    {
        var registrations = services
            .Where(descriptor => descriptor.ServiceType == typeof(StoreRegistration) && !descriptor.IsKeyedService)
            .ToList();
        foreach (var registration in registrations)
        {
            services.Remove(registration);
            foreach (var descriptor in ((StoreRegistration)registration.ImplementationInstance!).Descriptors)
            {
                services.Remove(descriptor);
            }
        }

        foreach (var contract in StoreContracts)
        {
            services.RemoveAll(contract);
        }
    }
}
