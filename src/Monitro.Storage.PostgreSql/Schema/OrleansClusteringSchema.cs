namespace Monitro.Storage.PostgreSql.Schema;

/// <summary>
/// Migration 11: the tables and named queries of Orleans' ADO.NET clustering provider, and the versioned watch
/// registry of a scaled-out Monitro, so that one start-up of a silo creates everything its cluster needs.
/// </summary>
/// <remarks>
/// <para>The provider's NuGet package ships no SQL. It reads its statements by name from <c>OrleansQuery</c>
/// (<c>SELECT QueryKey, QueryText FROM OrleansQuery</c>), binds its parameters by name (<c>@DeploymentId</c>,
/// <c>@Address</c>, <c>@Port</c>, <c>@Generation</c>, <c>@Version</c>, ...) and reads result columns by name, so
/// the table, column, parameter and query names below are the provider's contract; the statements are Monitro's.</para>
/// <para>Every membership change moves the deployment's version row first (<c>Version = @Version</c>, the version
/// the silo read), in the same statement as the row it changes: of two silos that read the same version, one wins
/// and the other re-reads. Times are <c>timestamptz</c>: the provider sends UTC <see cref="System.DateTime"/>s and
/// reads them back as UTC. The optional per-row cleanup query (<c>CleanupDefunctSiloEntryKey</c>) is left out, so
/// the provider uses <c>CleanupDefunctSiloEntriesKey</c>.</para>
/// </remarks>
internal static class OrleansClusteringSchema
{
    /// <summary>The statements of the migration.</summary>
    public const string Sql = $$"""
        CREATE TABLE IF NOT EXISTS OrleansQuery (
            QueryKey varchar(64) NOT NULL PRIMARY KEY,
            QueryText text NOT NULL
        );

        CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
            DeploymentId varchar(150) NOT NULL PRIMARY KEY,
            Timestamp timestamptz NOT NULL DEFAULT now(),
            Version integer NOT NULL DEFAULT 0
        );

        CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
            DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
            Address varchar(45) NOT NULL,
            Port integer NOT NULL,
            Generation integer NOT NULL,
            SiloName varchar(150) NOT NULL,
            HostName varchar(150) NOT NULL,
            Status integer NOT NULL,
            ProxyPort integer,
            SuspectTimes varchar(8000),
            StartTime timestamptz NOT NULL,
            IAmAliveTime timestamptz NOT NULL,
            PRIMARY KEY (DeploymentId, Address, Port, Generation)
        );

        INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
        ('InsertMembershipVersionKey', $q$
            WITH inserted AS (
                INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
                ON CONFLICT (DeploymentId) DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer FROM inserted;
        $q$),
        ('UpdateIAmAlivetimeKey', $q$
            UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
            WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
        $q$),
        ('InsertMembershipKey', $q$
            WITH version AS ({{MoveVersion}}),
            inserted AS (
                INSERT INTO OrleansMembershipTable
                    (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
                SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
                FROM version
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer FROM inserted;
        $q$),
        ('UpdateMembershipKey', $q$
            WITH version AS ({{MoveVersion}}),
            updated AS (
                UPDATE OrleansMembershipTable AS m
                SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
                FROM version AS v
                WHERE m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
                RETURNING 1)
            SELECT count(*)::integer FROM updated;
        $q$),
        ('MembershipReadRowKey', $q$
            {{ReadMembers}}
                AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
            WHERE v.DeploymentId = @DeploymentId;
        $q$),
        ('MembershipReadAllKey', $q$
            {{ReadMembers}}
            WHERE v.DeploymentId = @DeploymentId;
        $q$),
        ('GatewaysQueryKey', $q$
            SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
            WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
        $q$),
        ('DeleteMembershipTableEntriesKey', $q$
            DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
            DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
        $q$),
        ('CleanupDefunctSiloEntriesKey', $q$
            DELETE FROM OrleansMembershipTable
            WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
        $q$)
        ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

        CREATE TABLE tenant_watches (
            tenant_id text COLLATE "C" NOT NULL,
            name text COLLATE "C" NOT NULL,
            payload jsonb NOT NULL,
            PRIMARY KEY (tenant_id, name)
        );

        CREATE TABLE tenant_watch_version (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            version bigint NOT NULL
        );
        INSERT INTO tenant_watch_version (id, version) VALUES (1, 0);
        """;

    // Moves the deployment's version from the one the silo read; no row when another silo moved it first.
    private const string MoveVersion = """
        UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
        WHERE DeploymentId = @DeploymentId AND Version = @Version
        RETURNING DeploymentId
        """;

    // The version row of the deployment with its members: one row even when there is no member, as the provider expects.
    private const string ReadMembers = """
        SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
               m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
        FROM OrleansMembershipVersionTable AS v
        LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
        """;
}
