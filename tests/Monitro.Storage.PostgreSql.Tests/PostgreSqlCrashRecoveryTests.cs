using Monitro.Storage.Testing.Crash;
using Npgsql;
using Xunit.Abstractions;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>The crash test of the storage issue, with the crash harness keeping its data in a fresh PostgreSQL schema.</summary>
[RequiresPostgres]
public sealed class PostgreSqlCrashRecoveryTests(ITestOutputHelper output) : CrashRecoveryContractTests(output)
{
    private TestSchema? _schema;

    private TestSchema Schema => _schema ??= new TestSchema();

    protected override string HarnessDatabase => $"postgresql:{Schema.Name}:{Schema.ConnectionString}";

    public override void Dispose()
    {
        _schema?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
    }

    protected override async Task<long?> ScalarAsync(string sql)
    {
        try
        {
            return await Schema.ScalarAsync(sql);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // the child has not created the schema yet
        }
    }

    protected override async Task<IReadOnlyList<string>> MentionIdsAsync() => await Schema.ReadStringsAsync("SELECT id FROM mentions;");
}
