using System.Globalization;
using System.Runtime.CompilerServices;

namespace Monitro.Samples.Cluster;

/// <summary>
/// The bundled posts as one source: waits between batches, so that a run of the small data lasts long enough to kill
/// a silo in, and ends at the batch that reaches <paramref name="lastLine"/>, so that a shorter run can use a part.
/// </summary>
internal sealed class SampleSource(IListeningSource posts, TimeSpan pause, long lastLine) : IListeningSource
{
    public string Name => posts.Name;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (checkpoint is not null && long.Parse(checkpoint.Value, CultureInfo.InvariantCulture) >= lastLine)
        {
            yield break;
        }

        await foreach (var batch in posts.ReadAsync(checkpoint, cancellationToken).ConfigureAwait(false))
        {
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }

            yield return batch;
            if (batch.Checkpoint is { } reached && long.Parse(reached.Value, CultureInfo.InvariantCulture) >= lastLine)
            {
                yield break;
            }
        }
    }
}
