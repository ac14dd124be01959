using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// What the loopback fakes of the reply platforms share: the server on 127.0.0.1, the posts made, the publishing
/// script, and the crash window, the moment after a post exists and before its answer leaves, which a test can hold
/// open or stretch so that a process killed then has posted without knowing it.
/// </summary>
internal abstract class FakeReplyServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private LoopbackServer? _server;
    private TaskCompletionSource? _answerHold;
    private TaskCompletionSource? _answerHeld;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Gets the posts made, in order, each as the platform describes it.</summary>
    public ConcurrentQueue<JsonObject> Created { get; } = new();

    /// <summary>Gets what the next publishing requests meet.</summary>
    public PublishScript Script { get; } = new();

    /// <summary>Gets or sets how long each publishing request waits after its post exists and before it answers, or <see langword="null"/>.</summary>
    public Func<TimeSpan>? AnswerDelay { get; set; }

    /// <summary>Makes the next post wait, once it exists, until <see cref="ReleaseAnswer"/>: the client has posted and cannot know it.</summary>
    /// <returns>A task that completes when a post waits.</returns>
    public Task HoldNextAnswer()
    {
        lock (_gate)
        {
            _answerHold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _answerHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _answerHeld.Task;
        }
    }

    /// <summary>Lets the held post answer (to a client that may be gone), and holds no more.</summary>
    public void ReleaseAnswer()
    {
        lock (_gate)
        {
            _answerHold?.TrySetResult();
            _answerHold = null;
        }
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    protected async Task ListenAsync(Action<WebApplication> map) => _server = await LoopbackServer.StartAsync(map);

    /// <summary>
    /// Handles a publishing request: a refusal (<paramref name="refusal"/>, e.g. a bad token) answers first, then the
    /// script's step; otherwise <paramref name="create"/> makes the post and returns the answer, or writes a refusal
    /// itself and returns <see langword="null"/>. A made post goes through the crash window, then its answer is sent
    /// or, on a "drop" step, lost.
    /// </summary>
    protected Task PublishAsync(HttpContext context, Func<IResult?> refusal, JsonObject scriptedError, Func<Task<JsonObject?>> create) =>
        Script.RunAsync(async () =>
        {
            if (refusal() is { } refused)
            {
                await refused.ExecuteAsync(context);
                return;
            }

            var (answered, drop) = await Script.NextAsync(context, scriptedError);
            if (answered || await create() is not { } answer)
            {
                return;
            }

            await CrashWindowAsync(context);
            if (drop)
            {
                // Made, but the answer never arrives: the client cannot know.
                context.Abort();
                return;
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        });

    private async Task CrashWindowAsync(HttpContext context)
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            hold = _answerHold;
            _answerHeld?.TrySetResult();
        }

        if (hold is not null)
        {
            await hold.Task;
        }

        if (AnswerDelay is { } delay)
        {
            await Task.Delay(delay(), context.RequestAborted);
        }
    }
}
