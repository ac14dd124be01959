using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// What every reply publisher must do against its platform's loopback fake, through the reply outbox: publish once
/// whatever happens to an attempt (the answer lost, a crash before recording, a timeout, 429 with Retry-After, 500).
/// Also the helpers the platforms' own tests share: a fake clock, an in-memory store, a container with the replies
/// and one publisher.
/// </summary>
public abstract class ReplyPublisherContractTests : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private ServiceProvider? _provider;

    protected ReplyPublisherContractTests() => Store = new InMemoryMonitroStore(Time);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    protected InMemoryMonitroStore Store { get; }

    protected ServiceProvider Provider => _provider ?? throw new InvalidOperationException("Call CreateDesk first.");

    /// <summary>Gets the publishing script of the platform's fake (after <see cref="CreateDeskAsync"/>).</summary>
    protected abstract PublishScript Script { get; }

    /// <summary>Gets the ids (as Monitro names posts) of the posts the fake platform made, in order.</summary>
    protected abstract IReadOnlyList<string> CreatedPostIds { get; }

    [Fact]
    public async Task AnswerLost_AfterThePostWasMade_TheRetryPostsNothingNew()
    {
        var desk = await CreateDeskAsync();
        Script.Steps.Enqueue("drop");
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        var failed = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Queued, failed!.State);
        await RunNextAttemptAsync(desk, failed);

        var published = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Published, published!.State);
        Assert.Equal(Assert.Single(CreatedPostIds), published.PublishedPostId);
    }

    [Fact]
    public async Task CrashAfterSending_BeforeMarkingPublished_TheNextProcessPostsNothingNew()
    {
        var desk = await CreateDeskAsync();
        var reply = await desk.CreateAsync(Draft("hello"));

        // A process claims the reply, sends it, and dies before it records the outcome; its lease expires.
        var claimed = Assert.Single(await Store.ClaimDueRepliesAsync(1, TimeSpan.FromMinutes(2)));
        await Provider.GetServices<IReplyPublisher>().Single().PublishAsync(claimed);
        Assert.Equal(0, await desk.PublishDueAsync());
        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await desk.PublishDueAsync());

        var published = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Published, published!.State);
        Assert.Equal(2, published.Attempts);
        Assert.Equal(Assert.Single(CreatedPostIds), published.PublishedPostId);
    }

    [Fact]
    public async Task TooManyRequests_WaitsAtLeastRetryAfter_ThenPublishes()
    {
        var desk = await CreateDeskAsync();
        Script.Steps.Enqueue("429");
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        var limited = await desk.GetAsync(reply.Id);
        Assert.True(limited!.NextAttemptAt >= Time.GetUtcNow().AddSeconds(120));
        Assert.Contains("429", limited.LastError, StringComparison.Ordinal);

        await RunNextAttemptAsync(desk, limited);
        Assert.Equal(Assert.Single(CreatedPostIds), (await desk.GetAsync(reply.Id))!.PublishedPostId);
    }

    [Fact]
    public async Task ServerError_ThenSuccess_PublishesOnce()
    {
        var desk = await CreateDeskAsync();
        Script.Steps.Enqueue("500");
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();
        var failed = await desk.GetAsync(reply.Id);
        Assert.Contains("500", failed!.LastError, StringComparison.Ordinal);
        await RunNextAttemptAsync(desk, failed);

        Assert.Equal(Assert.Single(CreatedPostIds), (await desk.GetAsync(reply.Id))!.PublishedPostId);
    }

    [Fact]
    public async Task Timeout_CountsAsUnknown_AndTheRetryPostsOnce()
    {
        var desk = await CreateDeskAsync();
        var reply = await desk.CreateAsync(Draft("hello"));
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.Hold = hold;

        var attempt = desk.PublishDueAsync();
        await Script.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Time.Advance(TimeSpan.FromSeconds(31));
        await attempt.WaitAsync(TimeSpan.FromSeconds(30));
        var timedOut = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Queued, timedOut!.State);
        Script.Hold = null;
        hold.SetResult();
        await Script.HeldHandled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await RunNextAttemptAsync(desk, timedOut);

        Assert.Equal(Assert.Single(CreatedPostIds), (await desk.GetAsync(reply.Id))!.PublishedPostId);
    }

    [Fact]
    public async Task RefusedCredentials_AreGivenUpAtOnce_WithoutTheSecret()
    {
        var desk = await CreateDeskWithSecretAsync("wrong-s3cr3t-9");
        var reply = await desk.CreateAsync(Draft("hello"));

        await desk.PublishDueAsync();

        var dead = await desk.GetAsync(reply.Id);
        Assert.Equal(ReplyState.Dead, dead!.State);
        Assert.Contains("401", dead.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", dead.LastError, StringComparison.Ordinal);
        Assert.Empty(CreatedPostIds);
    }

    [Fact]
    public async Task Metrics_CountFailedAttemptsPublicationsAndGivingUp_ByPlatform()
    {
        var desk = await CreateDeskAsync();
        var meters = Provider.GetRequiredService<IMeterFactory>();
        using var published = new MetricCollector<long>(meters, MonitroDiagnostics.MeterName, "monitro.replies.published");
        using var failures = new MetricCollector<long>(meters, MonitroDiagnostics.MeterName, "monitro.replies.failures");
        using var dead = new MetricCollector<long>(meters, MonitroDiagnostics.MeterName, "monitro.replies.dead_lettered");
        Script.Steps.Enqueue("500");
        var reply = await desk.CreateAsync(Draft("hello"));
        await desk.PublishDueAsync();
        await RunNextAttemptAsync(desk, (await desk.GetAsync(reply.Id))!);
        Script.Steps.Enqueue("422");
        await desk.CreateAsync(Draft("refused"));
        await desk.PublishDueAsync();

        var platform = Draft("x").InReplyToPostId.Split(':')[0];
        Assert.Equal(platform, Assert.Single(failures.GetMeasurementSnapshot()).Tags[MonitroDiagnostics.ReplyPlatformTag]);
        Assert.Equal(platform, Assert.Single(published.GetMeasurementSnapshot()).Tags[MonitroDiagnostics.ReplyPlatformTag]);
        Assert.Equal(platform, Assert.Single(dead.GetMeasurementSnapshot()).Tags[MonitroDiagnostics.ReplyPlatformTag]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes <paramref name="server"/> with the test.</summary>
    protected T Own<T>(T server)
        where T : IAsyncDisposable
    {
        _owned.Add(server);
        return server;
    }

    /// <summary>Builds the container: the replies over the store, and the publisher <paramref name="addPublisher"/> adds.</summary>
    protected ReplyDesk CreateDesk(Func<IMonitroBuilder, IMonitroBuilder> addPublisher)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        services.AddMetrics();
        addPublisher(services.AddMonitro().UseStore(_ => Store, static _ => { }).AddReplies());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return _provider.GetRequiredService<ReplyDesk>();
    }

    /// <summary>Moves the clock to the reply's next attempt and makes it.</summary>
    protected async Task RunNextAttemptAsync(ReplyDesk desk, Reply failed)
    {
        Time.Advance(failed.NextAttemptAt - Time.GetUtcNow());
        Assert.Equal(1, await desk.PublishDueAsync());
    }

    /// <summary>Starts the platform's fake and builds the container with the platform's publisher for the account <c>acme</c>.</summary>
    protected abstract Task<ReplyDesk> CreateDeskAsync();

    /// <summary>Like <see cref="CreateDeskAsync"/>, with <paramref name="secret"/> in place of the account's secret (token, password or client secret).</summary>
    protected abstract Task<ReplyDesk> CreateDeskWithSecretAsync(string secret);

    /// <summary>A draft from the account <c>acme</c> answering a post the fake knows.</summary>
    protected abstract ReplyDraft Draft(string text);
}
