namespace Monitro.Orleans.Tests;

/// <summary>
/// The tests' gated source: a reader stopped while it waits at the gate takes no batch from it, even when the gate has
/// not yet run its part of the stop, so the batch released after the stop reaches the reader that goes on.
/// </summary>
public sealed class ReplaySourceTests
{
    [Fact]
    public async Task ReaderStoppedAtTheGate_BatchReleasedBeforeTheGateSeesTheStop_GoesToTheNextReader()
    {
        var batches = ReplayData.Batches("gated", count: 2, size: 1);
        using var gate = new SemaphoreSlim(0);
        var source = new ReplaySource("gated", batches, gate);
        using var stop = new CancellationTokenSource();
        await using var stopped = source.ReadAsync(null, stop.Token).GetAsyncEnumerator(stop.Token);

        // The read runs up to the gate before MoveNextAsync returns: the gate's callback on the token is registered.
        var waiting = stopped.MoveNextAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        // A token runs its callbacks newest first: one registered after the gate's holds the gate's back, as a busy
        // thread pool holds back the callbacks of a stop by CancelAsync.
        Assert.Equal(["second", "first"], CallbackOrder());
        using var held = new ManualResetEventSlim();
        using var holding = stop.Token.Register(held.Wait);
        var cancelling = Task.Run(stop.Cancel);
        try
        {
            SpinWait.SpinUntil(() => stop.IsCancellationRequested);
            gate.Release();
            _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }
        finally
        {
            held.Set();
            await cancelling;
        }

        await using var next = source.ReadAsync(null).GetAsyncEnumerator();
        Assert.True(await next.MoveNextAsync());
        Assert.Equal(batches[0], next.Current.Posts);
    }

    private static List<string> CallbackOrder()
    {
        var order = new List<string>();
        using var source = new CancellationTokenSource();
        using var first = source.Token.Register(() => order.Add("first"));
        using var second = source.Token.Register(() => order.Add("second"));
        source.Cancel();
        return order;
    }
}
