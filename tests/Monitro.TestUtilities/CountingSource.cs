namespace Monitro.Testing;

/// <summary>A source that generates numbered posts without end, counting how many it handed out.</summary>
public sealed class CountingSource : IListeningSource
{
    private long _produced;

    /// <summary>Initializes a new instance of the <see cref="CountingSource"/> class.</summary>
    public CountingSource(string name, int batchSize = 10)
    {
        Name = name;
        BatchSize = batchSize;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the posts per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Gets how many posts were handed out.</summary>
    public long Produced => Interlocked.Read(ref _produced);

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = checkpoint is null ? 0L : long.Parse(checkpoint.Value, System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            var posts = new List<Post>(BatchSize);
            for (var i = 0; i < BatchSize; i++)
            {
                next++;
                posts.Add(TestPosts.Create($"c{next}", $"Acme update number {next}", createdAt: TestPosts.Epoch.AddSeconds(next)));
            }

            Interlocked.Add(ref _produced, posts.Count);
            yield return new SourceBatch { Posts = posts, Checkpoint = new SourceCheckpoint(Name, next.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        }
    }
}
