using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite.Schema;

/// <summary>One numbered step of the database schema; steps are applied in order and never change once released.</summary>
/// <param name="Version">The schema version the step produces.</param>
/// <param name="Description">What the step does, for the log.</param>
/// <param name="Sql">The statements of the step.</param>
/// <param name="Data">What the step does to the data that SQL alone cannot (such as hashing with a key), after <paramref name="Sql"/>, in the same transaction.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql, Action<SqliteConnection, SqliteTransaction>? Data = null);
