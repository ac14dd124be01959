using System.ComponentModel.DataAnnotations;

namespace Monitro.Storage.Sqlite;

/// <summary>Options of <see cref="SqliteMonitroStore"/>.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the database: a path to the file (<c>monitro.db</c>) or a connection string (<c>Data Source=monitro.db</c>).</summary>
    /// <value>The default is empty; it must be set. In-memory databases are not supported, since every operation opens its own connection.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets how long an operation waits for a lock held by another connection or process before it fails.</summary>
    /// <value>The default is 30 seconds. Must be between zero and ten minutes.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets a value indicating whether a commit survives a power loss, not only a crash of the process.</summary>
    /// <value>
    /// The default is <see langword="true"/> (<c>synchronous=FULL</c>). <see langword="false"/> (<c>synchronous=NORMAL</c>)
    /// writes faster and still survives a killed process, but may lose the last commits when the machine loses power.
    /// </value>
    public bool DurableAgainstPowerLoss { get; set; } = true;

    /// <summary>Gets or sets the longest post text the store accepts, in characters; a longer one fails the commit with a clear error.</summary>
    /// <value>The default is 10,000,000. Must be between 1 and 100,000,000.</value>
    [Range(1, 100_000_000)]
    public int MaxTextLength { get; set; } = 10_000_000;
}
