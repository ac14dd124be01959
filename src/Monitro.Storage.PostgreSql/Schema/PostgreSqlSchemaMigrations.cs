using Npgsql;

namespace Monitro.Storage.PostgreSql.Schema;

/// <summary>
/// The migrations of the PostgreSQL schema, oldest first. A released migration is never edited: a change to the
/// schema is a new migration with the next number.
/// </summary>
/// <remarks>
/// Times are Unix milliseconds (UTC) in <c>bigint</c> columns, as in the SQLite store, so continuation tokens
/// mean the same in both. Keys use the <c>"C"</c> collation: byte order, independent of the database's locale.
/// Model objects are kept as <c>jsonb</c>.
/// </remarks>
internal static class PostgreSqlSchemaMigrations
{
    /// <summary>
    /// Gets the migrations in order, as (version, description, statements, and the data step that SQL alone cannot do,
    /// run after the statements in the same transaction).
    /// </summary>
    public static IReadOnlyList<(int Version, string Description, string Sql, Func<NpgsqlConnection, CancellationToken, ValueTask>? Data)> All { get; } =
    [
        (1, "posts, people, identities, mentions, interactions, relationship snapshots, checkpoints, dead letters, alert outbox", Version1, null),
        (2, "interactions by time, for the interaction history", Version2, null),
        (3, "settled alert keys kept as keyed hashes, under a secret of the store", Version3, PostgreSqlSettledKeyMigration.HashSettledKeysAsync),
        (4, "inbox items", Version4, null),
        (5, "mention category and sentiment columns read from the payload, indexes for insights and stored-post reads", Version5, null),
        (6, "alerting state: open digest windows, spike series, identity links", Version6, null),
        (7, "reply outbox", Version7, null),
        (8, "source epochs, the fencing tokens of scaled-out source leases", Version8, null),
        (11, "Orleans clustering tables and queries, the versioned watch registry of scaled-out silos", OrleansClusteringSchema.Sql, null),
        (14, "due times of alerting state rows (back-filled for the person wake-ups of scaled-out silos), indexed", Version14, null),
        (18, "the change feed of the watch registry: the recent edits, each with the version it made", Version18, null),
        (20, "the shard key of each registry watch and edit, indexed, so a matcher shard reads only its own", Version20, null),
        (21, "the fingerprint of each interaction id (back-filled), covered by the person index, for the per-identity totals", Version21, PostgreSqlInteractionFingerprintMigration.BackfillAsync),
    ];

    /// <summary>Gets the version of the newest migration.</summary>
    public static int LatestVersion => All[^1].Version;

    private const string Version1 = """
        CREATE TABLE people (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            first_seen_at bigint NOT NULL,
            last_seen_at bigint NOT NULL
        );

        CREATE TABLE identities (
            identity_key text COLLATE "C" NOT NULL PRIMARY KEY,
            person_id text COLLATE "C" NOT NULL,
            platform text NOT NULL,
            handle text NOT NULL,
            display_name text,
            profile_url text,
            followers bigint,
            seen_at bigint NOT NULL
        );
        CREATE INDEX ix_identities_person ON identities (person_id);

        CREATE TABLE posts (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            source text NOT NULL,
            author_id text COLLATE "C" NOT NULL,
            created_at bigint NOT NULL,
            reply_to_id text COLLATE "C",
            retracted_at bigint,
            payload jsonb
        );
        CREATE INDEX ix_posts_author ON posts (author_id, created_at, id);

        CREATE TABLE mentions (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            watch_name text COLLATE "C" NOT NULL,
            post_id text COLLATE "C" NOT NULL,
            person_id text COLLATE "C",
            created_at bigint NOT NULL,
            payload jsonb NOT NULL
        );
        CREATE INDEX ix_mentions_watch_time ON mentions (watch_name, created_at, id);
        CREATE INDEX ix_mentions_time ON mentions (created_at, id);
        CREATE INDEX ix_mentions_post ON mentions (post_id);
        CREATE INDEX ix_mentions_person ON mentions (person_id);

        CREATE TABLE interactions (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            person_id text COLLATE "C" NOT NULL,
            post_id text COLLATE "C" NOT NULL,
            direction integer NOT NULL,
            occurred_at bigint NOT NULL,
            payload jsonb NOT NULL
        );
        CREATE INDEX ix_interactions_person ON interactions (person_id, direction);
        CREATE INDEX ix_interactions_post ON interactions (post_id);

        CREATE TABLE relationship_snapshots (
            person_id text COLLATE "C" NOT NULL,
            as_of bigint NOT NULL,
            bond double precision NOT NULL,
            payload jsonb NOT NULL,
            PRIMARY KEY (person_id, as_of)
        );
        CREATE INDEX ix_relationship_snapshots_bond ON relationship_snapshots (bond, person_id);

        CREATE TABLE checkpoints (
            source_name text COLLATE "C" NOT NULL PRIMARY KEY,
            value text NOT NULL,
            updated_at bigint NOT NULL
        );

        CREATE TABLE dead_letters (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind text COLLATE "C" NOT NULL,
            origin text COLLATE "C" NOT NULL,
            position text COLLATE "C" NOT NULL,
            reason text NOT NULL,
            excerpt text,
            person_id text COLLATE "C",
            recorded_at bigint NOT NULL,
            UNIQUE (kind, origin, position)
        );
        CREATE INDEX ix_dead_letters_person ON dead_letters (person_id);

        CREATE TABLE alert_outbox (
            idempotency_key text COLLATE "C" NOT NULL PRIMARY KEY,
            kind text NOT NULL,
            post_id text COLLATE "C",
            person_id text COLLATE "C",
            payload jsonb NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            enqueued_at bigint NOT NULL,
            next_attempt_at bigint NOT NULL,
            lease_until bigint,
            last_error text
        );
        CREATE INDEX ix_alert_outbox_due ON alert_outbox (next_attempt_at, enqueued_at, idempotency_key);
        CREATE INDEX ix_alert_outbox_post ON alert_outbox (post_id);
        CREATE INDEX ix_alert_outbox_person ON alert_outbox (person_id);

        -- Keys of alerts that left the outbox (delivered or dead), so a replayed batch never enqueues them again.
        CREATE TABLE settled_alerts (
            idempotency_key text COLLATE "C" NOT NULL PRIMARY KEY,
            outcome text NOT NULL,
            settled_at bigint NOT NULL
        );
        """;

    private const string Version2 = """
        CREATE INDEX ix_interactions_time ON interactions (occurred_at, id);
        """;

    // The column keeps its rows; PostgreSqlSettledKeyMigration then replaces every key by its keyed hash.
    private const string Version3 = """
        CREATE TABLE store_secret (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            secret bytea NOT NULL
        );
        ALTER TABLE settled_alerts RENAME COLUMN idempotency_key TO key_hash;
        """;

    private const string Version4 = """
        CREATE TABLE inbox_items (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            person_id text COLLATE "C" NOT NULL,
            thread_id text COLLATE "C" NOT NULL,
            state integer NOT NULL,
            assignee text COLLATE "C",
            kind integer NOT NULL,
            created_at bigint NOT NULL,
            due_at bigint NOT NULL,
            payload jsonb NOT NULL
        );
        CREATE INDEX ix_inbox_items_due ON inbox_items (due_at, id);
        CREATE INDEX ix_inbox_items_state ON inbox_items (state, due_at, id);
        CREATE INDEX ix_inbox_items_thread ON inbox_items (thread_id, person_id);
        CREATE INDEX ix_inbox_items_person ON inbox_items (person_id);
        """;

    // Stored generated columns keep the writers unchanged; the covering index lets the insight aggregates read the
    // index alone (an index-only scan) instead of the jsonb payloads.
    private const string Version5 = """
        ALTER TABLE mentions
            ADD COLUMN category text GENERATED ALWAYS AS (payload #>> '{watch,category}') STORED,
            ADD COLUMN sentiment_label text GENERATED ALWAYS AS (payload #>> '{signals,sentiment,label}') STORED,
            ADD COLUMN sentiment double precision GENERATED ALWAYS AS ((payload #>> '{signals,sentiment,compound}')::double precision) STORED;
        CREATE INDEX ix_mentions_insights ON mentions (created_at) INCLUDE (watch_name, category, sentiment_label, sentiment, person_id, post_id);
        CREATE INDEX ix_posts_time ON posts (created_at, id);
        """;

    private const string Version6 = """
        CREATE TABLE alert_state (
            scope text COLLATE "C" NOT NULL,
            item text COLLATE "C" NOT NULL,
            payload text,
            person_id text COLLATE "C",
            refers_to_mention boolean NOT NULL DEFAULT false,
            PRIMARY KEY (scope, item)
        );
        CREATE INDEX ix_alert_state_person ON alert_state (person_id);
        CREATE INDEX ix_alert_state_item ON alert_state (item);
        """;

    private const string Version7 = """
        CREATE TABLE replies (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            state integer NOT NULL,
            item_id text COLLATE "C",
            in_reply_to_post_id text COLLATE "C" NOT NULL,
            next_attempt_at bigint NOT NULL,
            lease_until bigint,
            created_at bigint NOT NULL,
            version integer NOT NULL,
            payload jsonb NOT NULL
        );
        CREATE INDEX ix_replies_due ON replies (state, next_attempt_at, id);
        CREATE INDEX ix_replies_state ON replies (state, created_at, id);
        CREATE INDEX ix_replies_item ON replies (item_id);
        """;

    // One row per source that ever took an epoch: the highest epoch seen, which a fenced commit must not be below.
    private const string Version8 = """
        CREATE TABLE source_epochs (
            source_name text COLLATE "C" NOT NULL PRIMARY KEY,
            epoch bigint NOT NULL,
            updated_at bigint NOT NULL
        );
        """;

    // The moment an alerting state row falls due, indexed for the rows that have one, so the rows due by a moment are
    // read without the others. The person wake-ups written before it hold their moment in the payload's first line
    // (round-trip format, UTC): back-filled from there, to the millisecond.
    private const string Version14 = """
        ALTER TABLE alert_state ADD COLUMN due_at bigint;
        UPDATE alert_state SET due_at = floor(extract(epoch FROM (left(payload, 23)::timestamp AT TIME ZONE 'UTC')) * 1000)::bigint
        WHERE scope LIKE 'cluster-wake-up|%' AND payload ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}';
        CREATE INDEX ix_alert_state_due ON alert_state (due_at, scope, item) WHERE due_at IS NOT NULL;
        """;

    // The recent edits of the watch registry, by the version each made (consecutive, as edits are serialized on the
    // version row); payload NULL for a removal. Empty at first: a silo that held an older version loads every watch.
    private const string Version18 = """
        CREATE TABLE tenant_watch_changes (
            version bigint NOT NULL PRIMARY KEY,
            tenant_id text COLLATE "C" NOT NULL,
            name text COLLATE "C" NOT NULL,
            payload jsonb
        );
        """;

    // The key of each watch (a hash of tenant and name, computed by the registry), indexed so that one matcher shard's
    // watches, a contiguous range of keys, and its edits are read without the others. The key of a watch stored before
    // is null until the registry fills it in before its first read; the feed starts empty again (its edits have no
    // key), so a silo that held an older version loads its slice once.
    private const string Version20 = """
        ALTER TABLE tenant_watches ADD COLUMN shard_key bigint;
        CREATE INDEX ix_tenant_watches_shard_key ON tenant_watches (shard_key);
        DELETE FROM tenant_watch_changes;
        ALTER TABLE tenant_watch_changes ADD COLUMN shard_key bigint NOT NULL;
        CREATE INDEX ix_tenant_watch_changes_shard_key ON tenant_watch_changes (shard_key, version);
        """;

    // Each interaction keeps its id's fingerprint (InteractionFingerprint.Of, stored as the bigint of the same 64 bits:
    // sum() of bigint is numeric, exact, and its value modulo 2^64 is the totals' fingerprint). The person index is
    // rebuilt to carry the moment and the fingerprint, so the totals of every identity are an index-only scan in
    // identity order; its keys stay (person_id, direction) for the queries that used it before.
    // PostgreSqlInteractionFingerprintMigration fills the column, then builds the index over the filled rows.
    private const string Version21 = """
        ALTER TABLE interactions ADD COLUMN fingerprint bigint NOT NULL DEFAULT 0;
        DROP INDEX ix_interactions_person;
        """;
}
