using Microsoft.Data.Sqlite;
using Monitro.Storage.Testing.Crash;
using Xunit.Abstractions;

namespace Monitro.Storage.Sqlite.Tests.Crash;

/// <summary>The crash test of the storage issue, with the crash harness keeping its data in a SQLite file.</summary>
public sealed class SqliteCrashRecoveryTests(ITestOutputHelper output) : CrashRecoveryContractTests(output)
{
    private readonly TestDatabase _database = new();

    protected override string HarnessDatabase => _database.FilePath;

    public override void Dispose()
    {
        _database.Dispose();
        base.Dispose();
    }

    protected override Task<long?> ScalarAsync(string sql)
    {
        if (!File.Exists(_database.FilePath))
        {
            return Task.FromResult<long?>(null); // the child has not created the database yet
        }

        try
        {
            return Task.FromResult<long?>(_database.Scalar(sql));
        }
        catch (SqliteException)
        {
            return Task.FromResult<long?>(null); // the schema is not migrated yet
        }
    }

    protected override Task<IReadOnlyList<string>> MentionIdsAsync()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM mentions;";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(ids);
    }
}
