using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite.Schema;

/// <summary>
/// Migration 14's data step: writes the fingerprint halves of every stored interaction, then builds the person index
/// that covers them (building it after the update writes each index entry once).
/// </summary>
internal static class InteractionFingerprintMigration
{
    // The fingerprint is XxHash3 in C#, which SQL cannot compute: a function of this connection computes it in the update.
    private const string FunctionName = "monitro_interaction_fingerprint";

    private const string Fill = $"""
        UPDATE interactions SET
            fingerprint_lo = {FunctionName}(id) & 4294967295,
            fingerprint_hi = ({FunctionName}(id) >> 32) & 4294967295;
        """;

    // Identity first (and direction, as before), then what the totals read.
    private const string CreatePersonIndex = "CREATE INDEX ix_interactions_person ON interactions (person_id, direction, occurred_at, fingerprint_lo, fingerprint_hi);";

    /// <summary>Fills the fingerprint halves and builds the index.</summary>
    public static void Backfill(SqliteConnection connection, SqliteTransaction transaction)
    {
        connection.CreateFunction(FunctionName, (string id) => unchecked((long)InteractionFingerprint.Of(id)), isDeterministic: true);
        using var command = connection.CreateCommand(transaction, Fill + CreatePersonIndex);
        command.ExecuteNonQuery();
    }
}
