using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Monitro.Sources.Tests.Infrastructure;

/// <summary>Answers requests from a script of responders, one per request; the last responder repeats. Records every request.</summary>
public sealed class ScriptedEndpoint(FakeTimeProvider time)
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private Func<HttpContext, Task> _last = context =>
    {
        context.Response.StatusCode = 500;
        return Task.CompletedTask;
    };

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ScriptedEndpoint Then(Func<HttpContext, Task> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public ScriptedEndpoint Then(int status, string body = "", string contentType = "application/json", Action<HttpResponse>? headers = null) =>
        Then(async context =>
        {
            context.Response.StatusCode = status;
            headers?.Invoke(context.Response);
            if (body.Length > 0)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body);
            }
        });

    public ScriptedEndpoint ThenBytes(int status, byte[] body, string contentType) =>
        Then(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body);
        });

    public async Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue(new RecordedRequest(
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            time.GetUtcNow()));
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }

        await _last(context);
    }
}

public sealed record RecordedRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
