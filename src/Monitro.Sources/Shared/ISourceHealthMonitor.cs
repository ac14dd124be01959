namespace Monitro.Sources;

/// <summary>Reports the health of the sources registered through the Monitro source extensions.</summary>
/// <remarks>Registered as a singleton; safe to call from any thread (for example from a health check endpoint).</remarks>
public interface ISourceHealthMonitor
{
    /// <summary>Gets the health of every registered source.</summary>
    /// <returns>One status per source, ordered by name.</returns>
    IReadOnlyList<SourceHealthStatus> GetAll();

    /// <summary>Gets the health of one source.</summary>
    /// <param name="sourceName">The name of the source.</param>
    /// <returns>The status, or <see langword="null"/> when no source has that name.</returns>
    SourceHealthStatus? Find(string sourceName);
}
