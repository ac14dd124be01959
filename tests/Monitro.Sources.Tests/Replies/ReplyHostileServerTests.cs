using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Http.Resilience;
using Monitro.Sources.Shared;
using Monitro.Sources.Tests.Infrastructure;

namespace Monitro.Sources.Tests.Replies;

/// <summary>
/// The reply publishers' client against a real server on 127.0.0.1 that answers with a body without end (chunked), a
/// Content-Length of ten gigabytes, or a body that stalls. Each ends in a <see cref="ReplyPublishException"/> by
/// itself, and the client allocates a bounded amount whatever the server sends.
/// </summary>
public sealed class ReplyHostileServerTests : IAsyncDisposable
{
    // ReplyHttp's cap on an answer's body.
    private const long Cap = 1024 * 1024;

    // Where the server stops by itself if the client never does: far past anything a bounded client reads.
    private const long ServerLimit = 64L * 1024 * 1024;

    // What the client may allocate around a refused answer: the cap's buffer grown by doubling, the chunk, the connection's buffers.
    private const long AllocationBound = 8 * Cap;

    private readonly SocketsHttpHandler _handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 1 });
    private readonly TaskCompletionSource _serverDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer? _server;
    private long _written;

    public async ValueTask DisposeAsync()
    {
        _handler.Dispose();
        _limiter.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("chunked")]
    [InlineData("ten gigabytes")]
    public async Task Answer_FarLargerThanTheCap_IsRefusedWithBoundedAllocations(string how)
    {
        var http = await StartAsync(how == "chunked" ? null : 10L * 1024 * 1024 * 1024, stall: false, TimeSpan.FromMinutes(5));

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<ReplyPublishException>(() => SendAsync(http));
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < AllocationBound, $"allocated {allocated:N0} bytes");
        await _serverDone.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Answer_WhoseBodyStalls_FailsWhenTheBodyTimeoutEnds()
    {
        // One real second for the body: the test's outer guard (two minutes) is never what ends the read.
        var http = await StartAsync(contentLength: null, stall: true, TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ReplyPublishException>(() => SendAsync(http));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("did not arrive in time", error.Message, StringComparison.Ordinal);
        await _serverDone.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData(-1, 30)]
    [InlineData(0, 30)]
    [InlineData(5, 5)]
    [InlineData(86_400 * 400, 86_400)]
    public void BodyTimeout_OfAnyConfiguration_IsBounded(int configuredSeconds, int expectedSeconds)
    {
        var configured = configuredSeconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(configuredSeconds);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), BodyTimeout.Of(options => options.TotalRequestTimeout.Timeout = configured));
        Assert.Equal(TimeSpan.FromSeconds(30), BodyTimeout.Of(null));
        Assert.Equal(TimeSpan.FromSeconds(30), BodyTimeout.Of(static (HttpStandardResilienceOptions _) => { }));
    }

    private async Task SendAsync(ReplyHttp http)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server!.BaseAddress, "api/v1/statuses")) { Content = new StringContent("{}") };
        await http.SendAsync(request, bearerToken: "token", guard.Token);
    }

    private async Task<ReplyHttp> StartAsync(long? contentLength, bool stall, TimeSpan bodyTimeout)
    {
        _server = await LoopbackServer.StartAsync(app => app.MapPost("/api/v1/statuses", async context =>
        {
            try
            {
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = contentLength;
                var chunk = new byte[64 * 1024];
                chunk.AsSpan().Fill((byte)' ');
                chunk[0] = (byte)'{';
                // Kestrel accepts writes on a connection the client has closed without an error (they go nowhere): a
                // loop that does not look at RequestAborted counts bytes nobody was sent.
                while (!context.RequestAborted.IsCancellationRequested && Interlocked.Read(ref _written) < ServerLimit)
                {
                    await context.Response.Body.WriteAsync(stall ? chunk.AsMemory(0, 1) : chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    Interlocked.Add(ref _written, stall ? 1 : chunk.Length);
                    if (stall)
                    {
                        await Task.Delay(Timeout.Infinite, context.RequestAborted);
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
                // The client went away: what the test waits for.
            }
            finally
            {
                _serverDone.TrySetResult();
            }
        }));
        return new ReplyHttp(new Clients(_handler), "replies", _limiter, TimeProvider.System, bodyTimeout);
    }

    private sealed class Clients(SocketsHttpHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
