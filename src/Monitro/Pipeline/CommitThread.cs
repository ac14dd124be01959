using System.Collections.Concurrent;

namespace Monitro.Pipeline;

/// <summary>
/// A thread of the pipeline's own on which the store's commits run, so that the next batch is read, matched and
/// analyzed while a store waits for its disk.
/// </summary>
/// <remarks>
/// <para>A SQLite commit runs synchronously from its first statement to the end of its sync. On a pool thread it
/// holds that thread the whole time, and on a host with one CPU the pool keeps a single thread: the processing task,
/// the source reader and delivery all waited for the disk. Here only the commits wait for it. Only the store's call
/// runs here, started after anything the commit waits for first (room for its alerts), which continues on the
/// thread pool; a SQLite store started here also waits for its write connection here.</para>
/// <para>Whatever a commit awaits continues on the thread pool. The pipeline starts a batch's commit after the
/// previous one completed, so commits keep their order.</para>
/// </remarks>
internal sealed class CommitThread : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new();
    private readonly Thread _thread;

    public CommitThread()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "Monitro commits" };
        _thread.Start();
    }

    /// <summary>Starts <paramref name="commit"/> on this thread.</summary>
    /// <returns>The task of the commit, faulted when the commit throws.</returns>
    /// <remarks>The scheduler is hidden from the commit, so that nothing it awaits comes back to this thread.</remarks>
    public Task Start(Func<Task> commit) =>
        Task.Factory.StartNew(commit, CancellationToken.None, TaskCreationOptions.DenyChildAttach | TaskCreationOptions.HideScheduler, this).Unwrap();

    /// <summary>Lets the thread end once what was started on it has run.</summary>
    public void Dispose() => _queue.CompleteAdding();

    /// <inheritdoc/>
    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <inheritdoc/>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    /// <inheritdoc/>
    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Run()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }

        _queue.Dispose();
    }
}
