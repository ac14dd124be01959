using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Bluesky;

/// <summary>
/// A Jetstream server on 127.0.0.1: replays stored events from the requested cursor (inclusive, so a rewound cursor
/// repeats events), then sends new events live. Each connection can be scripted: refuse it, drop it after some events,
/// or slip raw frames in.
/// </summary>
internal sealed class FakeJetstreamServer : IAsyncDisposable
{
    private readonly FakeTimeProvider _time;
    private readonly List<(long TimeUs, byte[] Frame)> _events = [];
    private readonly ConcurrentQueue<ConnectionScript> _scripts = new();
    private LoopbackServer? _server;

    private FakeJetstreamServer(FakeTimeProvider time) => _time = time;

    public ConcurrentQueue<(string Query, DateTimeOffset At)> Connections { get; } = new();

    public Uri Endpoint => _server!.WebSocketAddress("subscribe");

    public static async Task<FakeJetstreamServer> StartAsync(FakeTimeProvider time)
    {
        var fake = new FakeJetstreamServer(time);
        fake._server = await LoopbackServer.StartAsync(app => app.Map("/subscribe", fake.HandleAsync));
        return fake;
    }

    public void Add(long timeUs, string json) => Add(timeUs, Encoding.UTF8.GetBytes(json));

    public void Add(long timeUs, byte[] frame)
    {
        lock (_events)
        {
            _events.Add((timeUs, frame));
        }
    }

    public void Script(ConnectionScript script) => _scripts.Enqueue(script);

    public static string Create(string did, long timeUs, string rkey, string text, string? facets = null, string? reply = null)
    {
        var record = "{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2024-11-18T14:01:00.071Z\",\"langs\":[\"en\"],\"text\":"
            + System.Text.Json.JsonSerializer.Serialize(text)
            + (facets is null ? string.Empty : ",\"facets\":" + facets)
            + (reply is null ? string.Empty : ",\"reply\":" + reply)
            + "}";
        return $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"commit","commit":{"rev":"3lb2xk7q4fs2c","operation":"create","collection":"app.bsky.feed.post","rkey":"{{{rkey}}}","record":{{{record}}},"cid":"bafyrei{{{rkey}}}"}}""";
    }

    public static string Delete(string did, long timeUs, string rkey) =>
        $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"commit","commit":{"rev":"3lb2xm2aa2c2c","operation":"delete","collection":"app.bsky.feed.post","rkey":"{{{rkey}}}"}}""";

    public static string Identity(string did, long timeUs, string handle) =>
        $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"identity","identity":{"did":"{{{did}}}","handle":"{{{handle}}}","seq":1409752997,"time":"2024-11-18T14:10:00.000Z"}}""";

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Connections.Enqueue((context.Request.QueryString.Value ?? string.Empty, _time.GetUtcNow()));
        _scripts.TryDequeue(out var script);
        script ??= new ConnectionScript();
        if (script.Refuse || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 503;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var cursorText = context.Request.Query["cursor"].FirstOrDefault();
        long? cursor = cursorText is null ? null : long.Parse(cursorText, CultureInfo.InvariantCulture);
        int next;
        lock (_events)
        {
            // Without a cursor the stream starts live; with one it replays from that time on (inclusive).
            next = cursor is null ? _events.Count : _events.FindIndex(e => e.TimeUs >= cursor.Value) is var i and >= 0 ? i : _events.Count;
        }

        var sent = 0;
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                (long TimeUs, byte[] Frame)? item = null;
                lock (_events)
                {
                    if (next < _events.Count)
                    {
                        item = _events[next++];
                    }
                }

                if (item is null)
                {
                    await Task.Delay(5, context.RequestAborted);
                    continue;
                }

                if (script.Inject.TryGetValue(sent, out var raw))
                {
                    await socket.SendAsync(raw, WebSocketMessageType.Text, true, context.RequestAborted);
                }

                await socket.SendAsync(item.Value.Frame, WebSocketMessageType.Text, true, context.RequestAborted);
                sent++;
                if (script.DropAfter == sent)
                {
                    socket.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }
}

/// <summary>How the server treats one connection.</summary>
internal sealed class ConnectionScript
{
    public bool Refuse { get; init; }

    public int? DropAfter { get; init; }

    /// <summary>Gets raw frames sent before the event with the given index (counted per connection).</summary>
    public Dictionary<int, byte[]> Inject { get; init; } = [];
}
