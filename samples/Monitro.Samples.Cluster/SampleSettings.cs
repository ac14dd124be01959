using System.Globalization;
using Npgsql;

namespace Monitro.Samples.Cluster;

/// <summary>What the sample runs against, from the command line and the environment.</summary>
/// <param name="ConnectionString">The PostgreSQL connection string (from <c>MONITRO_POSTGRES</c>).</param>
/// <param name="SchemaPrefix">The prefix of the sample's schemas: <c>{prefix}_leases</c> and one per tenant.</param>
/// <param name="Silos">How many silo processes to start.</param>
/// <param name="KillOne">Whether to kill the silo of the source lease with SIGKILL mid-run.</param>
/// <param name="Pause">The pause of the source between batches, so that the run lasts long enough to watch.</param>
/// <param name="Timeout">How long nothing may move (no silo joining, no lease starting, no batch committed) before the sample gives up.</param>
/// <param name="LastLine">The line of the bundled posts the source ends at; all of them by default.</param>
internal sealed record SampleSettings(string ConnectionString, string SchemaPrefix, int Silos, bool KillOne, TimeSpan Pause, TimeSpan Timeout, long LastLine)
{
    /// <summary>The variable that holds the connection string; <c>.ci/postgres.sh start</c> prints it.</summary>
    public const string ConnectionVariable = "MONITRO_POSTGRES";

    /// <summary>Gets the schema of the leases, the membership table and the watch registry.</summary>
    public string LeaseSchema => SchemaPrefix + "_leases";

    /// <summary>Gets the schema of a tenant.</summary>
    public string TenantSchema(string tenantId) => SchemaPrefix + "_" + tenantId;

    /// <summary>Gets every schema the sample writes.</summary>
    public IEnumerable<string> Schemas => [LeaseSchema, .. ClusterSampleData.Tenants.Select(TenantSchema)];

    /// <summary>Reads the settings; throws with what to do when something is missing or wrong.</summary>
    public static SampleSettings Read(IReadOnlyList<string> args)
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException(
                $"{ConnectionVariable} is not set. The sample needs PostgreSQL: set {ConnectionVariable} to a connection string, " +
                "for example by running `eval \"$(.ci/postgres.sh start)\"` in the repository first.");
        }

        // Each silo opens a few pools (leases, registry, clustering, one per tenant): keep them small.
        var builder = new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 8 };
        return new SampleSettings(
            builder.ConnectionString,
            Option(args, "--schema-prefix") ?? "cluster_sample",
            int.Parse(Option(args, "--silos") ?? "3", CultureInfo.InvariantCulture),
            args.Contains("--kill-one"),
            TimeSpan.FromMilliseconds(int.Parse(Option(args, "--pause-ms") ?? "100", CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Option(args, "--timeout-seconds") ?? "90", CultureInfo.InvariantCulture)),
            long.Parse(Option(args, "--posts") ?? long.MaxValue.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>Gets the value after an option, or <see langword="null"/>.</summary>
    public static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
