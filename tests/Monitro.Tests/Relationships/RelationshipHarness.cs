using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitro.Testing;

namespace Monitro.Tests.Relationships;

/// <summary>
/// A running pipeline with a live source, the company's account <c>acme@mastodon.social</c>, a recording sink
/// and a fake clock, for relationship scenarios that unfold over time.
/// </summary>
internal sealed class RelationshipHarness : IAsyncDisposable
{
    public const string OwnHandle = "acme@mastodon.social";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _published;

    public RelationshipHarness(Action<IServiceCollection>? services = null)
    {
        Provider = MonitroTestHost.Build(
            builder =>
            {
                builder.AddOwnAccount("mastodon", OwnHandle).AddSource(Source).AddSink(Sink);
                services?.Invoke(builder.Services);
            },
            timeProvider: Time);
        Monitor = Provider.GetRequiredService<MentionMonitor>();
        Store = Provider.GetRequiredService<InMemoryMonitroStore>();
        _running = Monitor.RunAsync(_stop.Token);
    }

    public FakeTimeProvider Time { get; } = new(TestPosts.Epoch);

    public InMemorySource Source { get; } = new("live", batchSize: 1);

    public RecordingSink Sink { get; } = new();

    public ServiceProvider Provider { get; }

    public MentionMonitor Monitor { get; }

    public InMemoryMonitroStore Store { get; }

    /// <summary>Publishes a post and waits until the pipeline committed it.</summary>
    public async Task PublishAsync(Post post)
    {
        var expected = Interlocked.Increment(ref _published);
        Source.Publish(post);
        await MonitroTestHost.WaitUntilAsync(() => Store.Posts.Count >= expected, "post " + post.Id + " is committed");
    }

    /// <summary>A post from a person, addressed to our account, at minutes after the epoch.</summary>
    public static Post From(string handle, string id, string text, double minutes, string? replyTo = null) =>
        TestPosts.Create(id, text, handle: handle, createdAt: TestPosts.Epoch.AddMinutes(minutes), replyToId: replyTo, mentions: [OwnHandle]);

    /// <summary>A reply from our account to a post.</summary>
    public static Post Answer(string id, string text, double minutes, Post to) =>
        TestPosts.Create(id, text, handle: OwnHandle, createdAt: TestPosts.Epoch.AddMinutes(minutes), replyToId: to.Id);

    public RelationshipSnapshot Relationship(string handle) =>
        Monitor.Relationships.GetRelationship(Author.CreateIdentityKey("mastodon", handle), Time.GetUtcNow())
        ?? throw new InvalidOperationException("No relationship with " + handle);

    public IReadOnlyList<Alert> RelationshipAlerts(string kind) => [.. Sink.Alerts.Where(alert => alert.Kind == kind)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // The run ends by cancellation.
        }

        await Provider.DisposeAsync();
        _stop.Dispose();
    }
}
