using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitro.Tests.DependencyInjection;

public sealed class UseStoreTests
{
    [Fact]
    public async Task UseStore_AnotherStoreAfterwards_LeavesNothingOfTheFirst()
    {
        var builder = Host.CreateApplicationBuilder();
        var started = new StartedInitializers();
        builder.Services.AddSingleton(started);
        UseTagged<Second>(UseTagged<First>(builder.Services.AddMonitro()));
        using var host = builder.Build();

        Assert.DoesNotContain(builder.Services, descriptor => Mentions<First>(descriptor));
        Assert.IsType<TaggedStore<Second>>(host.Services.GetRequiredService<IMonitroStore>());
        Assert.IsType<TaggedStore<Second>>(Assert.Single(host.Services.GetServices<IMonitroStore>()));
        Assert.IsType<TaggedStore<Second>>(Assert.Single(host.Services.GetServices<IAlertOutbox>()));
        Assert.IsType<TaggedStore<Second>>(Assert.Single(host.Services.GetServices<IMonitroQueries>()));
        Assert.Null(host.Services.GetService<TaggedStore<First>>());
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<TaggedInitializer<Second>>());
        Assert.Empty(host.Services.GetServices<IHostedService>().OfType<TaggedInitializer<First>>());

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal([typeof(Second)], started.Tags);
    }

    [Fact]
    public async Task UseStore_EarlierStoreHadInvalidOptions_HostStartsWithTheLastStoreOnly()
    {
        var builder = Host.CreateApplicationBuilder();
        var started = new StartedInitializers();
        builder.Services.AddSingleton(started);
        UseTagged<Second>(UseTagged<First>(builder.Services.AddMonitro(), options => options.Name = ""));
        using var host = builder.Build();

        // The first store's options would fail their validation on start if any of its registrations were left.
        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal([typeof(Second)], started.Tags);
    }

    [Fact]
    public void UseStore_SameStoreTwice_OnlyTheLastConfigurationApplies()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new StartedInitializers());
        UseTagged<First>(UseTagged<First>(services.AddMonitro(), options => options.Name = "first call"), options => options.Attempts = 7);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var options = provider.GetRequiredService<IOptions<TaggedStoreOptions<First>>>().Value;

        Assert.Equal("tagged", options.Name);
        Assert.Equal(7, options.Attempts);
        Assert.Single(provider.GetServices<IHostedService>().OfType<TaggedInitializer<First>>());
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(TaggedStore<First>));
    }

    [Fact]
    public void UseStore_ReplacesTheInMemoryDefaultAndStoresTheApplicationAdded_KeepsOtherServices()
    {
        var services = new ServiceCollection();
        var builder = services.AddMonitro();
        services.AddSingleton<IMonitroQueries>(new TaggedStore<First>());
        services.AddSingleton(new StartedInitializers());
        UseTagged<Second>(builder);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.IsType<TaggedStore<Second>>(Assert.Single(provider.GetServices<IMonitroStore>()));
        Assert.IsType<TaggedStore<Second>>(Assert.Single(provider.GetServices<IAlertOutbox>()));
        Assert.IsType<TaggedStore<Second>>(Assert.Single(provider.GetServices<IMonitroQueries>()));
        Assert.Same(provider.GetRequiredService<IMonitroStore>(), provider.GetRequiredService<MentionMonitor>().Store);
        Assert.NotNull(provider.GetService<StartedInitializers>());
        Assert.NotNull(provider.GetService<TimeProvider>());
    }

    [Fact]
    public void UseStore_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddMonitro();

        Assert.Throws<ArgumentNullException>(() => ((IMonitroBuilder)null!).UseStore(_ => new TaggedStore<First>(), _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.UseStore<TaggedStore<First>>(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.UseStore(_ => new TaggedStore<First>(), null!));
    }

    // Whether a descriptor names a type of the store tagged TTag: as service, implementation or instance type, or in their type arguments.
    private static bool Mentions<TTag>(ServiceDescriptor descriptor)
    {
        var types = new List<Type?> { descriptor.ServiceType };
        if (!descriptor.IsKeyedService)
        {
            types.Add(descriptor.ImplementationType);
            types.Add(descriptor.ImplementationInstance?.GetType());
        }

        return types.OfType<Type>().Any(type => Names(type, typeof(TTag)));
    }

    private static bool Names(Type type, Type tag) => type == tag || type.GetGenericArguments().Any(argument => Names(argument, tag));

    // Registers a store the way store packages do: the store, its options with a validator, and an initializer.
    private static IMonitroBuilder UseTagged<TTag>(IMonitroBuilder builder, Action<TaggedStoreOptions<TTag>>? configure = null) =>
        builder.UseStore(
            static _ => new TaggedStore<TTag>(),
            services =>
            {
                services.AddOptions<TaggedStoreOptions<TTag>>().Configure(options => configure?.Invoke(options)).ValidateOnStart();
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaggedStoreOptions<TTag>>, TaggedStoreOptionsValidator<TTag>>());
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TaggedInitializer<TTag>>());
            });

    private sealed class First;

    private sealed class Second;

    private sealed class TaggedStoreOptions<TTag>
    {
        public string Name { get; set; } = "tagged";

        public int Attempts { get; set; } = 1;
    }

    private sealed class TaggedStoreOptionsValidator<TTag> : IValidateOptions<TaggedStoreOptions<TTag>>
    {
        public ValidateOptionsResult Validate(string? name, TaggedStoreOptions<TTag> options) =>
            string.IsNullOrEmpty(options.Name) ? ValidateOptionsResult.Fail("Name is required.") : ValidateOptionsResult.Success;
    }

    /// <summary>Records which store's initializer ran when the host started.</summary>
    private sealed class StartedInitializers
    {
        public List<Type> Tags { get; } = [];
    }

    private sealed class TaggedInitializer<TTag>(StartedInitializers started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            started.Tags.Add(typeof(TTag));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A store that answers the store contracts by type only; these tests never read or write through it.</summary>
    private sealed class TaggedStore<TTag> : IMonitroStore, IAlertOutbox, IMonitroQueries
    {
        public ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask MarkDeliveredAsync(string idempotencyKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask MarkFailedAsync(string idempotencyKey, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask MoveToDeadLetterAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<Page<Mention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<Page<TimelineEntry>> GetTimelineAsync(string personId, PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<Page<RelationshipSnapshot>> GetTopRelationshipsAsync(PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<Page<DeadLetter>> GetDeadLettersAsync(PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
