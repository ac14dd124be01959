namespace Monitro.Matching;

/// <summary>A watch with its compiled query.</summary>
/// <remarks>
/// Kept small, since a matcher holds one per watch: the query tree only; the index keys are chosen again from it
/// whenever an index of the watch is built.
/// </remarks>
/// <param name="watch">The watch.</param>
/// <param name="root">The checked query tree.</param>
internal sealed class CompiledWatch(Watch watch, QueryNode root)
{
    private volatile bool _removed;

    /// <summary>Gets the watch.</summary>
    public Watch Watch { get; } = watch;

    /// <summary>Gets the watch's name (kept here too, so ordering mentions by name reads one object less per mention).</summary>
    public string Name { get; } = watch.Name;

    /// <summary>Gets the query tree.</summary>
    public QueryNode Root { get; } = root;

    /// <summary>Gets whether the watch was removed or replaced (indexes built before skip it).</summary>
    public bool IsRemoved => _removed;

    /// <summary>Marks the watch as removed; it never comes back (adding it again compiles a new instance).</summary>
    public void MarkRemoved() => _removed = true;

    /// <summary>Compiles a watch.</summary>
    /// <exception cref="QuerySyntaxException">The query is not valid; <see cref="QuerySyntaxException.WatchName"/> is set.</exception>
    public static CompiledWatch Compile(Watch watch) => Compile(watch, terms: null);

    /// <summary>Compiles a watch, taking its folded terms from <paramref name="terms"/>.</summary>
    /// <param name="watch">The watch.</param>
    /// <param name="terms">Where the folded terms of the watches compiled together come from, so that they share them; null for strings of this watch's own.</param>
    /// <exception cref="QuerySyntaxException">The query is not valid; <see cref="QuerySyntaxException.WatchName"/> is set.</exception>
    public static CompiledWatch Compile(Watch watch, TermInterner? terms)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentException.ThrowIfNullOrEmpty(watch.Name);
        try
        {
            return new CompiledWatch(watch, QueryCompiler.Compile(watch.Query ?? string.Empty, terms));
        }
        catch (QuerySyntaxException ex)
        {
            throw new QuerySyntaxException(ex.Reason, ex.Query, ex.Position) { WatchName = watch.Name };
        }
    }
}
