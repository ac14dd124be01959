using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Orleans.Tests;

/// <summary>
/// A finite source of prepared batches whose checkpoint is the index of the next batch. A gate, when given, lets the
/// test release one batch at a time; a pause slows it down so that a silo can be killed mid-run. Retractions, when
/// given, are the ids of the posts each batch withdraws (at the batch's index).
/// </summary>
internal sealed class ReplaySource(string name, IReadOnlyList<IReadOnlyList<Post>> batches, SemaphoreSlim? gate = null, TimeSpan pause = default, IReadOnlyList<IReadOnlyList<string>>? retractions = null) : IListeningSource
{
    public string Name => name;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = checkpoint is null ? 0 : int.Parse(checkpoint.Value, CultureInfo.InvariantCulture);
        for (var i = next; i < batches.Count; i++)
        {
            if (gate is not null)
            {
                await gate.WaitAsync(cancellationToken);
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
