namespace Monitro;

/// <summary>Options of a <see cref="JsonLinesReplaySource"/>.</summary>
public sealed class JsonLinesSourceOptions
{
    /// <summary>Gets or sets the path of the JSON Lines file.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Gets or sets the most posts per batch.</summary>
    /// <value>The default is 256. Must be between 1 and 100,000.</value>
    public int BatchSize { get; set; } = 256;

    /// <summary>Gets or sets the longest line read, in characters; a longer line is skipped as oversized.</summary>
    /// <value>The default is 1,048,576. Must be between 1,024 and 100,000,000.</value>
    public int MaxLineLength { get; set; } = 1024 * 1024;
}
