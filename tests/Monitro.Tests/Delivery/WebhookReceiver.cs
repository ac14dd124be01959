using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Monitro.Alerting.Delivery;

namespace Monitro.Tests.Delivery;

/// <summary>
/// A real webhook receiver on Kestrel at 127.0.0.1, verifying signatures the way the docs tell users to:
/// 401 for a bad or stale signature, a programmable number of 503s first, and 200 otherwise.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly WebApplication _app;
    private int _failuresLeft;
    private int _acceptedCount;

    private WebhookReceiver(WebApplication app, string secret, FakeTimeProvider clock)
    {
        _app = app;
        Secret = secret;
        Clock = clock;
    }

    public string Secret { get; }

    /// <summary>Gets the receiver's clock, which judges whether a timestamp is stale.</summary>
    public FakeTimeProvider Clock { get; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets every request, in order of arrival.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Gets the idempotency keys of the alerts accepted, once each however often they arrived.</summary>
    public ConcurrentDictionary<string, byte[]> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets how many requests were accepted, repeats of a key included: more than <see cref="Accepted"/> holds means a key came twice.</summary>
    public int AcceptedCount => Volatile.Read(ref _acceptedCount);

    /// <summary>Gets or sets the <c>Retry-After</c> seconds sent with each 503, or <see langword="null"/> for none.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Gets or sets how many of the next well-signed requests get a 503.</summary>
    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public static async Task<WebhookReceiver> StartAsync(string secret, DateTimeOffset now)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret, new FakeTimeProvider(now));
        app.MapPost("/hooks/monitro", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Endpoint = new Uri(new Uri(app.Urls.Single()), "/hooks/monitro");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var key = request.Headers[WebhookHeaders.IdempotencyKey].ToString();
        var verified = WebhookSignature.Verify(
            Secret,
            request.Headers[WebhookHeaders.Timestamp].ToString(),
            body,
            request.Headers[WebhookHeaders.Signature].ToString(),
            Clock.GetUtcNow(),
            Tolerance);
        Requests.Enqueue(new ReceivedRequest(key, body, verified, request.ContentType));
        if (!verified)
        {
            return Results.Unauthorized();
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            if (RetryAfterSeconds is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Interlocked.Exchange(ref _failuresLeft, 0);
        Interlocked.Increment(ref _acceptedCount);
        Accepted.TryAdd(key, body);
        return Results.Ok();
    }

    public sealed record ReceivedRequest(string IdempotencyKey, byte[] Body, bool Verified, string? ContentType);
}
