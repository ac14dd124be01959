using System.Runtime.CompilerServices;

namespace Monitro.Benchmarks.Streaming;

/// <summary>
/// Passes a source's batches on and notes, for each tenth of the posts read, the CPU time the process used and
/// the methods the JIT compiled meanwhile: how soon the pipeline's code runs optimized on one core.
/// </summary>
/// <remarks>The batch queue between reader and processor is short, so a tenth read is close to a tenth processed.</remarks>
internal sealed class SlicedSource(IListeningSource inner, int totalPosts, CpuClock clock) : IListeningSource
{
    private const int Slices = 10;

    public string Name => inner.Name;

    public List<double> Rates { get; } = new(Slices);

    public List<long> CompiledMethods { get; } = new(Slices);

    /// <summary>Gets the process's CPU time when the pipeline first asked for a batch: the end of its start-up.</summary>
    public TimeSpan FirstReadAt { get; private set; }

    /// <summary>Gets the methods the JIT had compiled when the pipeline first asked for a batch.</summary>
    public long CompiledAtFirstRead { get; private set; }

    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sliceSize = Math.Max(1, totalPosts / Slices);
        var read = 0;
        var nextSlice = sliceSize;
        var sliceCpu = clock.Now;
        var lastCompiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        FirstReadAt = sliceCpu;
        CompiledAtFirstRead = lastCompiled;
        await foreach (var batch in inner.ReadAsync(checkpoint, cancellationToken).ConfigureAwait(false))
        {
            read += batch.Posts.Count;
            while (read >= nextSlice && Rates.Count < Slices)
            {
                var now = clock.Now;
                Rates.Add(sliceSize / (now - sliceCpu).TotalSeconds);
                sliceCpu = now;
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                CompiledMethods.Add(compiled - lastCompiled);
                lastCompiled = compiled;
                nextSlice += sliceSize;
            }

            yield return batch;
        }
    }
}
