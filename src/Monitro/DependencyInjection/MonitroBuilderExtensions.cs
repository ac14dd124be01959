using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Monitro;

/// <summary>Adds sources, watches, sinks and own accounts to Monitro.</summary>
public static class MonitroBuilderExtensions
{
    /// <summary>Adds a source instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="source">The source; its <see cref="IListeningSource.Name"/> must be unique.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddSource(this IMonitroBuilder builder, IListeningSource source) => Register(builder, source);

    /// <summary>Adds a source created from other services.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the source; its name must be unique.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddSource(this IMonitroBuilder builder, Func<IServiceProvider, IListeningSource> factory) => Register(builder, factory);

    /// <summary>Adds a source type, created by the service provider.</summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddSource<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSource>(this IMonitroBuilder builder)
        where TSource : class, IListeningSource => Register<IListeningSource, TSource>(builder);

    /// <summary>Adds a source that replays posts from a JSON Lines file (see <see cref="JsonLinesReplaySource"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="path">The path of the file.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="path"/> is empty.</exception>
    public static IMonitroBuilder AddJsonLinesReplay(this IMonitroBuilder builder, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(new JsonLinesReplaySource(name, path));
    }

    /// <summary>Adds a watch.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="watch">The watch; its query is checked when the options are validated.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddWatch(this IMonitroBuilder builder, Watch watch)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(watch);
        builder.Services.Configure<MonitroOptions>(options => options.Watches.Add(new WatchDefinition
        {
            Name = watch.Name,
            Category = watch.Category,
            Query = watch.Query,
        }));
        return builder;
    }

    /// <summary>Adds a watch.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The unique name of the watch.</param>
    /// <param name="category">What the watch listens for.</param>
    /// <param name="query">The query in the Monitro query language.</param>
    /// <returns>The same builder for chaining.</returns>
    public static IMonitroBuilder AddWatch(this IMonitroBuilder builder, string name, WatchCategory category, string query) =>
        builder.AddWatch(new Watch { Name = name, Category = category, Query = query });

    /// <summary>Adds a sink instance that receives every alert.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="sink">The sink.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddSink(this IMonitroBuilder builder, IAlertSink sink) => Register(builder, sink);

    /// <summary>Adds a sink created from other services.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the sink.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddSink(this IMonitroBuilder builder, Func<IServiceProvider, IAlertSink> factory) => Register(builder, factory);

    /// <summary>Adds a sink type, created by the service provider.</summary>
    /// <typeparam name="TSink">The sink type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IMonitroBuilder AddSink<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>(this IMonitroBuilder builder)
        where TSink : class, IAlertSink => Register<IAlertSink, TSink>(builder);

    /// <summary>Declares one of the company's own accounts: its posts are answers (outbound interactions), not mentions.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="platform">The platform, for example <c>mastodon</c>.</param>
    /// <param name="handle">The handle on that platform.</param>
    /// <returns>The same builder for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="platform"/> or <paramref name="handle"/> is empty.</exception>
    public static IMonitroBuilder AddOwnAccount(this IMonitroBuilder builder, string platform, string handle)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = Author.CreateIdentityKey(platform, handle);
        builder.Services.Configure<MonitroOptions>(options => options.OwnAccounts.Add(key));
        return builder;
    }

    private static IMonitroBuilder Register<TService>(IMonitroBuilder builder, TService instance)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(instance);
        builder.Services.AddSingleton(instance);
        return builder;
    }

    private static IMonitroBuilder Register<TService>(IMonitroBuilder builder, Func<IServiceProvider, TService> factory)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(factory);
        return builder;
    }

    private static IMonitroBuilder Register<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(IMonitroBuilder builder)
        where TService : class
        where TImplementation : class, TService
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<TService, TImplementation>());
        return builder;
    }
}
