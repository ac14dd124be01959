namespace Monitro;

/// <summary>A period of post creation times: from <paramref name="From"/> (inclusive) until <paramref name="Until"/> (exclusive).</summary>
/// <param name="From">The earliest post creation time to include.</param>
/// <param name="Until">The post creation time to stop before.</param>
public readonly record struct InsightPeriod(DateTimeOffset From, DateTimeOffset Until)
{
    /// <summary>Throws when the period is empty or reversed.</summary>
    /// <param name="paramName">The name of the argument that held the period.</param>
    /// <exception cref="ArgumentException"><see cref="Until"/> is not after <see cref="From"/>.</exception>
    public void Check(string paramName)
    {
        if (Until <= From)
        {
            throw new ArgumentException($"The period must end after it starts ({From:O} .. {Until:O}).", paramName);
        }
    }
}
