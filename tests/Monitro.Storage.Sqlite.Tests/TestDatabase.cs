using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Monitro.Storage.Sqlite;

namespace Monitro.Storage.Sqlite.Tests;

/// <summary>A SQLite file in a fresh temp folder, deleted with the folder when the test ends.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly List<SqliteMonitroStore> _stores = [];

    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "monitro-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "monitro.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public SqliteMonitroStore CreateStore(Action<SqliteStoreOptions>? configure = null) => CreateStore(Time, configure);

    /// <summary>Opens a store on the file running on <paramref name="time"/>; it is disposed with the database.</summary>
    public SqliteMonitroStore CreateStore(TimeProvider time, Action<SqliteStoreOptions>? configure = null)
    {
        var options = new SqliteStoreOptions { ConnectionString = FilePath, BusyTimeout = TimeSpan.FromSeconds(30) };
        configure?.Invoke(options);
        var store = new SqliteMonitroStore(options, time);
        _stores.Add(store);
        return store;
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Counts the rows of every Monitro table (not the schema version).</summary>
    public Dictionary<string, long> CountRows()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables())
        {
            counts[table] = Scalar($"SELECT count(*) FROM \"{table}\";");
        }

        return counts;
    }

    public List<string> Tables()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_version', 'store_secret') ORDER BY name;";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Finds every table and column whose text contains <paramref name="needle"/> (case-insensitive).</summary>
    public List<string> FindText(string needle)
    {
        var hits = new List<string>();
        using var connection = OpenConnection();
        foreach (var table in Tables())
        {
            using var columns = connection.CreateCommand();
            columns.CommandText = $"SELECT name FROM pragma_table_info('{table}');";
            var names = new List<string>();
            using (var reader = columns.ExecuteReader())
            {
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var column in names)
            {
                using var search = connection.CreateCommand();
                search.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($needle)) > 0;";
                search.Parameters.AddWithValue("$needle", needle);
                if (Convert.ToInt64(search.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    hits.Add($"{table}.{column}");
                }
            }
        }

        return hits;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a failed test; the temp folder is cleaned by the system later
        }
    }
}
