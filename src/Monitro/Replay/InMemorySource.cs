namespace Monitro;

/// <summary>
/// A source that serves posts held in memory, for tests, demos and for feeding posts that arrive through
/// another channel (a webhook, a queue) into the pipeline.
/// </summary>
/// <remarks>
/// <para>Posts are served in the order they were published, in batches of at most <see cref="BatchSize"/>.
/// The checkpoint is the number of posts already served, so a restarted pipeline resumes after them.</para>
/// <para>A source created open waits for more posts until <see cref="Complete"/> is called; one created from a
/// fixed list is complete from the start. Thread-safe.</para>
/// </remarks>
public sealed class InMemorySource : IListeningSource
{
    private readonly List<Post> _posts = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _completed;

    /// <summary>Initializes a new instance of the <see cref="InMemorySource"/> class that serves a fixed list of posts and then completes.</summary>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="posts">The posts, in order.</param>
    /// <param name="batchSize">The most posts per batch.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The two constructors differ in a required parameter (the posts); only the batch size is optional.")]
    public InMemorySource(string name, IEnumerable<Post> posts, int batchSize = 100)
        : this(name, batchSize)
    {
        ArgumentNullException.ThrowIfNull(posts);
        _posts.AddRange(posts);
        _completed = true;
    }

    /// <summary>Initializes a new instance of the <see cref="InMemorySource"/> class that starts empty and stays open until <see cref="Complete"/> is called.</summary>
    /// <param name="name">The unique name of the source.</param>
    /// <param name="batchSize">The most posts per batch.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The two constructors differ in a required parameter (the posts); only the batch size is optional.")]
    public InMemorySource(string name, int batchSize = 100)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Name = name;
        BatchSize = batchSize;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the most posts served per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Gets how many posts were published so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _posts.Count;
            }
        }
    }

    /// <summary>Adds posts to serve.</summary>
    /// <param name="posts">The posts.</param>
    /// <exception cref="InvalidOperationException">The source was completed.</exception>
    public void Publish(params IEnumerable<Post> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException($"The source '{Name}' was completed; it accepts no more posts.");
            }

            _posts.AddRange(posts);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Marks the source complete: readers finish after the posts already published.</summary>
    public void Complete()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _completed = true;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(
        SourceCheckpoint? checkpoint,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = ParseCheckpoint(checkpoint);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Post[] batch;
            Task changed;
            bool completed;
            lock (_gate)
            {
                var available = Math.Max(0, _posts.Count - next);
                batch = available == 0 ? [] : _posts.GetRange(next, Math.Min(available, BatchSize)).ToArray();
                changed = _changed.Task;
                completed = _completed;
            }

            if (batch.Length > 0)
            {
                next += batch.Length;
                yield return new SourceBatch
                {
                    Posts = batch,
                    Checkpoint = new SourceCheckpoint(Name, next.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                };
                continue;
            }

            if (completed)
            {
                yield break;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private int ParseCheckpoint(SourceCheckpoint? checkpoint)
    {
        if (checkpoint is null)
        {
            return 0;
        }

        if (!int.TryParse(checkpoint.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var next))
        {
            throw new FormatException($"The checkpoint '{checkpoint.Value}' of source '{Name}' is not a post count.");
        }

        return next;
    }
}
