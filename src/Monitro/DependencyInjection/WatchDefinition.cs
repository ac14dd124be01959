namespace Monitro;

/// <summary>A watch as written in configuration (for example in <c>appsettings.json</c>).</summary>
public sealed class WatchDefinition
{
    /// <summary>Gets or sets the unique name of the watch.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the category of the watch.</summary>
    /// <value>The default is <see cref="WatchCategory.Custom"/>.</value>
    public WatchCategory Category { get; set; } = WatchCategory.Custom;

    /// <summary>Gets or sets the query in the Monitro query language.</summary>
    public string Query { get; set; } = string.Empty;

    /// <summary>Creates the watch this definition describes.</summary>
    /// <returns>The watch.</returns>
    public Watch ToWatch() => new() { Name = Name, Category = Category, Query = Query };
}
