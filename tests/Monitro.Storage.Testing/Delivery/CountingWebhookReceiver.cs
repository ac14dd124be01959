using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Monitro.Alerting.Delivery;

namespace Monitro.Storage.Testing.Delivery;

/// <summary>
/// A webhook receiver on 127.0.0.1 that verifies every request and counts deliveries per idempotency key,
/// processing each key once as a deduplicating receiver does. Its clock can run ahead (to follow a child
/// process's offset clock), and it can answer 503 to a number of well-signed requests first.
/// </summary>
/// <remarks>
/// Several senders can share it, each posting to its own <see cref="EndpointFor"/> address: deliveries are then
/// also counted per sender, the receiver can hold every request until all the expected senders have sent one
/// (a start line, so that none finishes before the others begin), and it can answer slowly.
/// </remarks>
public sealed class CountingWebhookReceiver : IAsyncDisposable
{
    private const string SenderParameter = "sender";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _sendersSeen = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _allSendersSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _clockOffsetTicks;
    private long _responseDelayTicks;
    private int _rejected;
    private int _failuresLeft;
    private int _sendersToWaitFor;

    private CountingWebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        Secret = secret;
    }

    public string Secret { get; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets how many requests with each key arrived (verified ones only).</summary>
    public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets how many deliveries each sender made (verified and accepted ones, by the sender named in <see cref="EndpointFor"/>).</summary>
    public ConcurrentDictionary<string, int> DeliveriesBySender { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets how many distinct senders must have sent a request before any request is answered; zero (the
    /// default) holds nothing. Held requests are released together once the last expected sender arrives.
    /// </summary>
    public int SendersToWaitFor
    {
        get => Volatile.Read(ref _sendersToWaitFor);
        set => Volatile.Write(ref _sendersToWaitFor, value);
    }

    /// <summary>Gets or sets how long each verified request waits before it is answered, as a slow receiver would.</summary>
    public TimeSpan ResponseDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _responseDelayTicks));
        set => Interlocked.Exchange(ref _responseDelayTicks, value.Ticks);
    }

    /// <summary>Gets the number of requests whose signature or timestamp did not verify.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Gets or sets how many of the next well-signed requests get a 503.</summary>
    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    /// <summary>Gets the number of well-signed requests answered with 503.</summary>
    public int Failed { get; private set; }

    public TimeSpan ClockOffset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));
        set => Interlocked.Exchange(ref _clockOffsetTicks, value.Ticks);
    }

    public static async Task<CountingWebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new CountingWebhookReceiver(app, secret);
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Endpoint = new Uri(new Uri(app.Urls.Single()), "/hooks");
        return receiver;
    }

    /// <summary>Gets the address a sender posts to so that its deliveries are counted under <paramref name="sender"/>.</summary>
    public Uri EndpointFor(string sender) => new($"{Endpoint}?{SenderParameter}={Uri.EscapeDataString(sender)}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var verified = WebhookSignature.Verify(
            Secret,
            request.Headers[WebhookHeaders.Timestamp].ToString(),
            buffer.ToArray(),
            request.Headers[WebhookHeaders.Signature].ToString(),
            DateTimeOffset.UtcNow + ClockOffset,
            TimeSpan.FromMinutes(5));
        if (!verified)
        {
            Interlocked.Increment(ref _rejected);
            return Results.Unauthorized();
        }

        var sender = request.Query[SenderParameter].ToString();
        await WaitForAllSendersAsync(sender, request.HttpContext.RequestAborted);
        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, request.HttpContext.RequestAborted);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Failed++;
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Interlocked.Exchange(ref _failuresLeft, 0);
        Deliveries.AddOrUpdate(request.Headers[WebhookHeaders.IdempotencyKey].ToString(), 1, (_, count) => count + 1);
        DeliveriesBySender.AddOrUpdate(sender, 1, (_, count) => count + 1);
        return Results.Ok();
    }

    private async Task WaitForAllSendersAsync(string sender, CancellationToken aborted)
    {
        var expected = SendersToWaitFor;
        if (expected <= 0)
        {
            return;
        }

        _sendersSeen.TryAdd(sender, 0);
        if (_sendersSeen.Count >= expected)
        {
            _allSendersSeen.TrySetResult();
        }

        await _allSendersSeen.Task.WaitAsync(aborted);
    }
}
