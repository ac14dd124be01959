using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Orleans.Tests;

/// <summary>
/// A finite source of prepared batches whose checkpoint is the index of the next batch. A gate, when given, lets the
/// test release one batch at a time; a pause slows it down so that a silo can be killed mid-run. Retractions, when
/// given, are the ids of the posts each batch withdraws (at the batch's index). Each read's cancellation token is kept,
/// so a test can see that a reader was stopped; a reader stopped at the gate takes no batch from it.
/// </summary>
internal sealed class ReplaySource(string name, IReadOnlyList<IReadOnlyList<Post>> batches, SemaphoreSlim? gate = null, TimeSpan pause = default, IReadOnlyList<IReadOnlyList<string>>? retractions = null) : IListeningSource
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<CancellationToken> _readers = new();

    public string Name => name;

    /// <summary>Gets the cancellation token of every read started, in order.</summary>
    public IReadOnlyList<CancellationToken> Readers => [.. _readers];

    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _readers.Enqueue(cancellationToken);
        var next = checkpoint is null ? 0 : int.Parse(checkpoint.Value, CultureInfo.InvariantCulture);
        for (var i = next; i < batches.Count; i++)
        {
            if (gate is not null)
            {
                await gate.WaitAsync(cancellationToken);
                if (cancellationToken.IsCancellationRequested)
                {
                    // A reader stopped while it waited can still be let through: the gate learns of the stop from
                    // the token's callbacks, which a stop by CancelAsync (a lease's deactivation) runs later on the
                    // thread pool, so a release meant for the activation that replaced the reader may reach it
                    // first. The batch goes back to the gate for the reader that goes on.
                    gate.Release();
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken);
            }

            yield return new SourceBatch
            {
                Posts = batches[i],
                Retractions = retractions is not null && i < retractions.Count ? retractions[i] : [],
                Checkpoint = new SourceCheckpoint(name, (i + 1).ToString(CultureInfo.InvariantCulture)),
            };
        }
    }
}
