using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Monitro.Sources.Shared;

namespace Monitro.Sources.Bluesky;

/// <summary>
/// Listens to Bluesky posts on Jetstream over a WebSocket. The checkpoint holds the <c>time_us</c> of the last event; on
/// every (re)connect the cursor is moved back by <see cref="BlueskyJetstreamOptions.CursorRewind"/> so nothing is missed,
/// and the replayed events are dropped by their key. Deletes become retractions. The stream reconnects with backoff.
/// </summary>
internal sealed class JetstreamSource : IListeningSource
{
    private const string Collection = "app.bsky.feed.post";
    private static readonly TimeSpan Lookback = TimeSpan.FromHours(36);
    private readonly SourceContext _context;
    private readonly BlueskyJetstreamOptions _options;
    private readonly Dictionary<string, string> _handles = new(StringComparer.Ordinal);

    public JetstreamSource(SourceContext context, BlueskyJetstreamOptions options)
    {
        _context = context;
        _options = options;
    }

    public string Name => _context.Name;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var state = Restore(checkpoint?.Value, out var resumed);

        // A first run starts exactly where configured; every later connection (and a restart) rewinds.
        var rewind = resumed;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var connection = new Connection();
            using var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);

            // A stream that stops answering pings is dead even if the TCP connection looks open.
            socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
            var cursor = state.Cursor is { } c ? Math.Max(0, c - (rewind ? _options.CursorRewind.Ticks / 10 : 0)) : (long?)null;
            rewind = true;
            await ConnectAsync(socket, cursor, connection, cancellationToken).ConfigureAwait(false);
            if (connection.Error is null)
            {
                _context.Logger.StreamConnected(Name, cursor);
                var channel = Channel.CreateBounded<byte[]?>(new BoundedChannelOptions(_options.MaxBatchSize * 2) { SingleReader = true, SingleWriter = true });
                using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var receiving = ReceiveAsync(socket, channel.Writer, connection, stopReceiving.Token);
                try
                {
                    while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var batch = Process(channel.Reader, state);
                        if (batch is not null)
                        {
                            failures = 0;
                            _context.Health.RecordSuccess(batch.Posts.Count);
                            _context.Metrics.Batch(Name, batch);
                            yield return batch;
                        }
                    }
                }
                finally
                {
                    await stopReceiving.CancelAsync().ConfigureAwait(false);
                    await receiving.ConfigureAwait(false);
                }
            }

            failures++;
            var reason = connection.Error ?? "the server closed the stream";
            _context.Health.RecordFailure(reason);
            _context.Metrics.Failure(Name, "stream");
            var delay = Backoff.Delay(failures, _options.ReconnectInitialDelay, _options.ReconnectMaxDelay, Backoff.RecommendedJitter);
            _context.Logger.StreamDropped(Name, reason, _context.Time.GetUtcNow() + delay, delay);
            await Task.Delay(delay, _context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private JetstreamCheckpoint Restore(string? value, out bool resumed)
    {
        resumed = false;
        if (value is not null)
        {
            try
            {
                var saved = JsonSerializer.Deserialize(value, JetstreamJsonContext.Default.JetstreamCheckpoint) ?? throw new JsonException("The checkpoint is empty.");
                resumed = true;
                return saved;
            }
            catch (JsonException ex)
            {
                _context.Logger.CheckpointUnreadable(Name, ex.Message);
            }
        }

        var now = _context.Time.GetUtcNow();
        DateTimeOffset? since = _options.FirstRun switch
        {
            FirstRunMode.Since => _options.FirstRunSince,
            FirstRunMode.EverythingAvailable => now - Lookback,
            _ => null,
        };
        return new JetstreamCheckpoint { Cursor = since is { } s ? s.ToUnixTimeMilliseconds() * 1000 : null };
    }

    private async Task ConnectAsync(ClientWebSocket socket, long? cursor, Connection connection, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("wantedCollections=").Append(Collection);
        foreach (var did in _options.WantedDids)
        {
            query.Append("&wantedDids=").Append(Uri.EscapeDataString(did));
        }

        query.Append(CultureInfo.InvariantCulture, $"&maxMessageSizeBytes={_options.MaxMessageBytes}");
        if (cursor is { } c)
        {
            query.Append(CultureInfo.InvariantCulture, $"&cursor={c}");
        }

        var uri = new UriBuilder(_options.Endpoint) { Query = query.ToString() }.Uri;
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(uri, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            connection.Error = $"connecting took longer than {_options.ConnectTimeout}";
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            connection.Error = $"could not connect: {ex.Message}";
        }
    }

    /// <summary>Receives whole messages into the channel; an oversized message is passed on as <see langword="null"/>.</summary>
    private async Task ReceiveAsync(ClientWebSocket socket, ChannelWriter<byte[]?> writer, Connection connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                var tooLarge = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        connection.Error = $"the server closed the stream ({socket.CloseStatus} {socket.CloseStatusDescription})";
                        return;
                    }

                    if (!tooLarge && message.Length + result.Count > _options.MaxMessageBytes)
                    {
                        tooLarge = true;
                        message.SetLength(0);
                    }

                    if (!tooLarge)
                    {
                        message.Write(buffer, 0, result.Count);
                    }
                }
                while (!result.EndOfMessage);

                await writer.WriteAsync(tooLarge ? null : message.ToArray(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            connection.Error = $"the stream failed: {ex.Message}";
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>Turns the messages waiting in the channel (at most one batch) into a batch, advancing the state.</summary>
    private SourceBatch? Process(ChannelReader<byte[]?> reader, JetstreamCheckpoint state)
    {
        var recent = new RecentEvents(state.Recent);
        var posts = new List<Post>();
        var retractions = new List<string>();
        var skipped = new List<SkippedItem>();
        var before = state.Cursor;
        var count = 0;
        while (count < _options.MaxBatchSize && reader.TryRead(out var message))
        {
            count++;
            var position = string.Create(CultureInfo.InvariantCulture, $"after cursor {state.Cursor}");
            if (message is null)
            {
                skipped.Add(Skip(position, $"the message is larger than {_options.MaxMessageBytes} bytes"));
                continue;
            }

            using var document = JsonPayload.Parse(message, out var error, out var repaired);
            if (repaired)
            {
                _context.Logger.InvalidEncoding(Name, "utf-8");
            }

            if (document is null)
            {
                skipped.Add(Skip(position, error!, Excerpts.From(message)));
                continue;
            }

            if (!JsonPayload.TryRead(document.RootElement, JetstreamJsonContext.Default.JetstreamEvent, out var ev, out error) ||
                ev!.Did is null || ev.TimeUs is null)
            {
                skipped.Add(Skip(position, error ?? "the event has no did or time_us", Excerpts.From(message)));
                continue;
            }

            state.Cursor = Math.Max(state.Cursor ?? 0, ev.TimeUs.Value);
            Handle(ev, recent, posts, retractions, skipped);
        }

        if (count == 0)
        {
            return null;
        }

        recent.Prune(state.Cursor!.Value - (long)(_options.CursorRewind.Ticks / 10) - 1_000_000);
        state.Recent = recent.ToList();
        if (posts.Count == 0 && retractions.Count == 0 && skipped.Count == 0 && before == state.Cursor)
        {
            return null;
        }

        return new SourceBatch
        {
            Posts = posts,
            Retractions = retractions,
            Skipped = skipped,
            Checkpoint = new SourceCheckpoint(Name, JsonSerializer.Serialize(state, JetstreamJsonContext.Default.JetstreamCheckpoint)),
        };
    }

    private void Handle(JetstreamEvent ev, RecentEvents recent, List<Post> posts, List<string> retractions, List<SkippedItem> skipped)
    {
        var did = ev.Did!;
        if (ev.Kind == "identity" && ev.Identity?.Handle is { Length: > 0 } handle)
        {
            if (_handles.Count > 100_000)
            {
                _handles.Clear();
            }

            _handles[did] = handle;
            return;
        }

        if (ev.Kind != "commit" || ev.Commit is not { Collection: Collection } commit || commit.Rkey is null)
        {
            return;
        }

        var uri = BlueskyPostMapper.AtUri(did, commit.Rkey);
        var key = $"{commit.Operation}:{uri}:{commit.Cid}";
        if (!recent.Add(ev.TimeUs!.Value, key))
        {
            return;
        }

        switch (commit.Operation)
        {
            case "delete":
                retractions.Add(Post.CreateId(BlueskyPostMapper.Platform, uri));
                break;
            case "create" or "update" when commit.Record is { Text: not null } record:
                var post = BlueskyPostMapper.ToPost(did, commit.Rkey, record, _handles.GetValueOrDefault(did), DateTimeOffset.FromUnixTimeMilliseconds(ev.TimeUs.Value / 1000));
                _context.Logger.PostRead(Name, post.Id);
                posts.Add(post);
                break;
            case "create" or "update":
                skipped.Add(Skip(uri, "the post record has no text"));
                break;
        }
    }

    private SkippedItem Skip(string position, string reason, string? excerpt = null) => _context.Skip(position, reason, excerpt);

    /// <summary>What ended a connection, written by the receive loop and read after it ended.</summary>
    private sealed class Connection
    {
        public string? Error { get; set; }
    }

    /// <summary>The keys of the events in the rewind window, with their times, as "time|key" in the checkpoint.</summary>
    private sealed class RecentEvents
    {
        private const int Capacity = 50_000;
        private readonly Queue<(long Time, string Key)> _order = new();
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public RecentEvents(IEnumerable<string> saved)
        {
            foreach (var entry in saved)
            {
                var bar = entry.IndexOf('|', StringComparison.Ordinal);
                if (bar > 0 && long.TryParse(entry.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var time))
                {
                    Add(time, entry[(bar + 1)..]);
                }
            }
        }

        public bool Add(long time, string key)
        {
            if (!_keys.Add(key))
            {
                return false;
            }

            _order.Enqueue((time, key));
            while (_order.Count > Capacity)
            {
                _keys.Remove(_order.Dequeue().Key);
            }

            return true;
        }

        public void Prune(long olderThan)
        {
            while (_order.TryPeek(out var oldest) && oldest.Time < olderThan)
            {
                _keys.Remove(_order.Dequeue().Key);
            }
        }

        public List<string> ToList() => [.. _order.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Time}|{e.Key}"))];
    }
}
