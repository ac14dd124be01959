using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Benchmarks.Pipeline;

/// <summary>
/// A JSON Lines file of posts read by the whole pipeline (into the in-memory store or SQLite), and the baseline
/// of that: a bare loop that parses each line and inserts every post into SQLite, one transaction per batch.
/// </summary>
internal static class JsonLinesWorkload
{
    /// <summary>The lines per batch, for the pipeline's source and the bare loop alike.</summary>
    public const int BatchSize = 256;

    private static readonly string[] BareColumns = ["$id", "$source", "$author", "$created_at", "$text"];

    /// <summary>Writes the posts as JSON Lines, with the source name the pipeline's ids require.</summary>
    public static void Write(string path, IEnumerable<Post> posts)
    {
        using var writer = new StreamWriter(path);
        foreach (var post in posts)
        {
            writer.WriteLine(JsonSerializer.Serialize(post with { Source = "bench" }, MonitroJsonContext.Default.Post));
        }
    }

    /// <summary>Runs the pipeline over the file until the source ends.</summary>
    /// <param name="lines">The JSON Lines file.</param>
    /// <param name="watches">The watches.</param>
    /// <param name="sqlitePath">A new SQLite file to store into, or <see langword="null"/> for the in-memory store.</param>
    /// <param name="wrap">Wraps the file's source (to observe it), or <see langword="null"/>.</param>
    /// <returns>The mentions found.</returns>
    public static async Task<int> RunPipelineAsync(string lines, IEnumerable<Watch> watches, string? sqlitePath, Func<IListeningSource, IListeningSource>? wrap = null)
    {
        var services = new ServiceCollection();
        IListeningSource source = new JsonLinesReplaySource("bench", new JsonLinesSourceOptions { Path = lines, BatchSize = BatchSize });
        var builder = services.AddMonitro()
            .AddSource(wrap is null ? source : wrap(source))
            .AddSink(new DiscardingSink());
        foreach (var watch in watches)
        {
            builder.AddWatch(watch);
        }

        if (sqlitePath is not null)
        {
            builder.UseSqlite(sqlitePath);
        }

        await using var provider = services.BuildServiceProvider();
        var found = 0;
        await foreach (var unused in provider.GetRequiredService<MentionMonitor>().ListenAsync())
        {
            found++;
        }

        return found;
    }

    /// <summary>Parses every line and inserts every post into a new SQLite file (write-ahead log, synchronous FULL).</summary>
    /// <returns>The rows inserted.</returns>
    public static int InsertAllIntoSqlite(string lines, string database)
    {
        using var connection = new SqliteConnection("Data Source=" + database + ";Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
                CREATE TABLE posts (id TEXT PRIMARY KEY, source TEXT NOT NULL, author TEXT NOT NULL, created_at INTEGER NOT NULL, text TEXT NOT NULL);
                """;
            setup.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO posts (id, source, author, created_at, text) VALUES ($id, $source, $author, $created_at, $text)";
        var parameters = BareColumns.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        var rows = 0;
        SqliteTransaction? transaction = null;
        foreach (var line in File.ReadLines(lines))
        {
            var post = JsonSerializer.Deserialize(line, MonitroJsonContext.Default.Post)!;
            transaction ??= connection.BeginTransaction();
            insert.Transaction = transaction;
            parameters[0].Value = post.Id;
            parameters[1].Value = post.Source;
            parameters[2].Value = post.Author.Platform + ":" + post.Author.Handle;
            parameters[3].Value = post.CreatedAt.ToUnixTimeMilliseconds();
            parameters[4].Value = post.Text;
            insert.ExecuteNonQuery();
            if (++rows % BatchSize == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = null;
            }
        }

        transaction?.Commit();
        transaction?.Dispose();
        return rows;
    }
}
