using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// What the publishing requests of a fake platform meet, step by step: a status code to answer instead (429 comes with
/// <c>Retry-After: 120</c>), or "drop" to create the post and lose the answer; and an optional hold to time one out.
/// </summary>
public sealed class PublishScript
{
    /// <summary>Gets the steps of the next publishing requests, in order.</summary>
    public ConcurrentQueue<string> Steps { get; } = new();

    /// <summary>Gets a task that completes when a publishing request arrives.</summary>
    public TaskCompletionSource Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets a task the next publishing request waits for before answering, or <see langword="null"/>.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Gets a task that completes when a held request has been handled, after its hold was released.</summary>
    public TaskCompletionSource HeldHandled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Handles a publishing request: notes it, waits while it is held, then runs <paramref name="handle"/>.</summary>
    public async Task RunAsync(Func<Task> handle)
    {
        Received.TrySetResult();
        var hold = Hold;
        if (hold is not null)
        {
            await hold.Task;
        }

        try
        {
            await handle();
        }
        finally
        {
            if (hold is not null)
            {
                HeldHandled.TrySetResult();
            }
        }
    }

    /// <summary>Takes the next step: answers a scripted status (and returns true), or tells whether to drop the answer.</summary>
    public async Task<(bool Answered, bool Drop)> NextAsync(HttpContext context, JsonObject errorBody)
    {
        Steps.TryDequeue(out var step);
        if (step is null or "drop")
        {
            return (false, step == "drop");
        }

        context.Response.StatusCode = int.Parse(step, CultureInfo.InvariantCulture);
        if (context.Response.StatusCode == 429)
        {
            context.Response.Headers.RetryAfter = "120";
        }

        await context.Response.WriteAsJsonAsync(errorBody);
        return (true, false);
    }
}
