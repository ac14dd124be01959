namespace Monitro.Testing;

/// <summary>A source that fails a number of times before it serves its posts, counting its attempts.</summary>
public sealed class ThrowingSource : IListeningSource
{
    private readonly IReadOnlyList<Post> _posts;
    private readonly int _failures;
    private int _attempts;

    /// <summary>Initializes a new instance of the <see cref="ThrowingSource"/> class.</summary>
    /// <param name="name">The source name.</param>
    /// <param name="failures">How many attempts fail; -1 fails forever.</param>
    /// <param name="posts">The posts served once it stops failing.</param>
    public ThrowingSource(string name, int failures, IReadOnlyList<Post>? posts = null)
    {
        Name = name;
        _failures = failures;
        _posts = posts ?? [];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets how many times reading was attempted.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceCheckpoint? checkpoint, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        await Task.Yield();
        if (_failures < 0 || attempt <= _failures)
        {
            throw new IOException($"The feed of {Name} is unreachable (attempt {attempt}).");
        }

        if (checkpoint is null && _posts.Count > 0)
        {
            yield return new SourceBatch { Posts = _posts, Checkpoint = new SourceCheckpoint(Name, "done") };
        }
    }
}
