using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitro.Alerting.State;
using Monitro.Relationships;
using Monitro.Storage.Sqlite;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// The SQLite file the start-up restore is measured on, written once by <c>restore prepare</c> and reused by every run:
/// the seeded history of <see cref="SyntheticInteractions"/> committed as a pipeline commits it (interactions, and each
/// person's identity with their first post), and the per-person snapshots that the commits would have stored as of
/// 90% of the history, so the last tenth of the interactions comes after the snapshots (as after a crash that lost the
/// snapshots of the last tenth); or, for a <em>clean</em> file, as of the whole history (as a clean stop leaves them).
/// </summary>
internal sealed class RestoreHistoryFile
{
    private const int InteractionsPerCommit = 10_000;

    public RestoreHistoryFile(string folder, int interactions, bool clean = false)
    {
        Interactions = interactions;
        Clean = clean;
        Path = System.IO.Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"restore-{interactions}{(clean ? "-clean" : "")}.db"));
    }

    /// <summary>Gets a value indicating whether the snapshots cover the whole history.</summary>
    public bool Clean { get; }


    /// <summary>Gets the number of stored interactions; the people are a tenth of them.</summary>
    public int Interactions { get; }

    /// <summary>Gets the path of the database file.</summary>
    public string Path { get; }

    /// <summary>Gets a value indicating whether the file was written to the end (a file cut short is written again).</summary>
    public bool IsReady => File.Exists(Marker);

    private string Marker => Path + ".ready";

    /// <summary>Writes the file, unless it is ready.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (IsReady)
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }

        var seeded = new SyntheticInteractions(Interactions, Interactions / 10);
        using (var store = new SqliteMonitroStore(new SqliteStoreOptions { ConnectionString = Path }))
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await CommitHistoryAsync(store, seeded, cancellationToken).ConfigureAwait(false);
            await CommitSnapshotsAsync(store, seeded, Clean ? seeded.Interactions.Length : seeded.Interactions.Length * 9 / 10, cancellationToken).ConfigureAwait(false);
        }

        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(Marker, "ready", cancellationToken).ConfigureAwait(false);
    }

    private static async Task CommitHistoryAsync(SqliteMonitroStore store, SyntheticInteractions seeded, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < seeded.Interactions.Length; start += InteractionsPerCommit)
        {
            var end = Math.Min(start + InteractionsPerCommit, seeded.Interactions.Length);
            var posts = new List<Post>();
            for (var i = start; i < end; i++)
            {
                var interaction = seeded.Interactions[i];
                if (known.Add(interaction.PersonId))
                {
                    posts.Add(new Post
                    {
                        Id = interaction.PostId,
                        Source = "mastodon",
                        Author = seeded.PersonOf[i],
                        Text = "A first post that brings this person's identity.",
                        CreatedAt = interaction.OccurredAt,
                    });
                }
            }

            await store.CommitAsync(new BatchCommit { SourceName = "history", Posts = posts, Interactions = seeded.Interactions[start..end] }, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static async Task CommitSnapshotsAsync(SqliteMonitroStore store, SyntheticInteractions seeded, int covered, CancellationToken cancellationToken)
    {
        var registry = new RelationshipRegistry(new RelationshipOptions(), new NullContactResolver());
        _ = registry.Replay([.. seeded.Interactions.Take(covered).Select((interaction, i) => (interaction, seeded.PersonOf[i]))]);
        var state = new AlertStateWriter();
        registry.TakeUnsaved(state);
        foreach (var rows in state.ToChanges()!.Saved.Chunk(InteractionsPerCommit))
        {
            await store.CommitAsync(new BatchCommit { SourceName = "history", AlertState = new AlertStateChanges { Saved = rows } }, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
