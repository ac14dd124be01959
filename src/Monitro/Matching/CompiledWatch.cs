namespace Monitro.Matching;

/// <summary>A watch with its compiled query.</summary>
/// <param name="watch">The watch.</param>
/// <param name="query">The compiled query.</param>
internal sealed class CompiledWatch(Watch watch, CompiledQuery query)
{
    private volatile bool _removed;

    /// <summary>Gets the watch.</summary>
    public Watch Watch { get; } = watch;

    /// <summary>Gets the compiled query.</summary>
    public CompiledQuery Query { get; } = query;

    /// <summary>Gets whether the watch was removed or replaced (indexes built before skip it).</summary>
    public bool IsRemoved => _removed;

    /// <summary>Marks the watch as removed; it never comes back (adding it again compiles a new instance).</summary>
    public void MarkRemoved() => _removed = true;

    /// <summary>Compiles a watch.</summary>
    /// <exception cref="QuerySyntaxException">The query is not valid; <see cref="QuerySyntaxException.WatchName"/> is set.</exception>
    public static CompiledWatch Compile(Watch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentException.ThrowIfNullOrEmpty(watch.Name);
        try
        {
            return new CompiledWatch(watch, QueryCompiler.Compile(watch.Query ?? string.Empty));
        }
        catch (QuerySyntaxException ex)
        {
            throw new QuerySyntaxException(ex.Reason, ex.Query, ex.Position) { WatchName = watch.Name };
        }
    }
}
