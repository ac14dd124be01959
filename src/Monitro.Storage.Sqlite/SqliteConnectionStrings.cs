using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>Turns a database path or a connection string into the connection string the store opens.</summary>
internal static class SqliteConnectionStrings
{
    /// <summary>Builds the connection string: pooled, created when missing, with the busy timeout as the command timeout.</summary>
    /// <param name="pathOrConnectionString">A path such as <c>monitro.db</c>, or a connection string with <c>Data Source=</c>.</param>
    /// <param name="busyTimeout">How long a command waits for a lock.</param>
    /// <returns>The connection string builder.</returns>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    public static SqliteConnectionStringBuilder Build(string pathOrConnectionString, TimeSpan busyTimeout)
    {
        var builder = LooksLikeConnectionString(pathOrConnectionString)
            ? new SqliteConnectionStringBuilder(pathOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("The store writes, so Mode=ReadOnly is not allowed.", nameof(pathOrConnectionString));
        }

        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        return builder;
    }

    /// <summary>Tells whether the string names an in-memory database, which a store that opens a connection per operation cannot use.</summary>
    /// <param name="pathOrConnectionString">The path or connection string.</param>
    /// <returns><see langword="true"/> for <c>:memory:</c>, <c>Mode=Memory</c> or an empty data source.</returns>
    public static bool IsInMemory(string pathOrConnectionString)
    {
        var builder = Build(pathOrConnectionString, TimeSpan.Zero);
        return builder.Mode == SqliteOpenMode.Memory
            || string.Equals(builder.DataSource, ":memory:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Formats the busy timeout pragma in milliseconds.</summary>
    /// <param name="busyTimeout">The timeout.</param>
    /// <returns>The pragma statement.</returns>
    public static string BusyTimeoutPragma(TimeSpan busyTimeout) =>
        string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};");

    // A file path practically never holds '=', while every connection string does (Data Source=…).
    private static bool LooksLikeConnectionString(string value) => value.Contains('=', StringComparison.Ordinal);
}
