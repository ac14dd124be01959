namespace Monitro.Storage.Sqlite.Schema;

/// <summary>One numbered step of the database schema; steps are applied in order and never change once released.</summary>
/// <param name="Version">The schema version the step produces.</param>
/// <param name="Description">What the step does, for the log.</param>
/// <param name="Sql">The statements of the step.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
