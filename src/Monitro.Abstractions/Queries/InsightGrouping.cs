namespace Monitro;

/// <summary>What the mentions of each time bucket are split by.</summary>
public enum InsightGrouping
{
    /// <summary>No split: one total per bucket.</summary>
    None = 0,

    /// <summary>One series per watch name.</summary>
    Watch,

    /// <summary>One series per watch category (<see cref="WatchCategory"/> name).</summary>
    Category,

    /// <summary>One series per source platform of the posts (<see cref="Post.Source"/>).</summary>
    Source,
}
