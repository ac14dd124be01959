namespace Monitro.Storage.Sqlite.Schema;

/// <summary>
/// The migrations of the SQLite schema, oldest first. A released migration is never edited: a change to the
/// schema is a new migration with the next number.
/// </summary>
/// <remarks>Times are stored as Unix milliseconds (UTC); model objects as JSON in <c>payload</c> columns.</remarks>
internal static class SchemaMigrations
{
    /// <summary>Gets the migrations in order.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "posts, people, identities, mentions, interactions, checkpoints, dead letters, alert outbox", Version1),
        new(2, "person id on mentions (backfilled), relationship snapshots", Version2),
        new(3, "interactions by time, for the interaction history", Version3),
        new(4, "settled alert keys kept as keyed hashes, under a secret of the store", Version4, SettledKeyMigration.HashSettledKeys),
        new(5, "inbox items", Version5),
        new(6, "mention category and sentiment columns read from the payload, indexes for insights and stored-post reads", Version6),
        new(7, "alerting state: open digest windows, spike series, identity links", Version7),
        new(8, "mention category and sentiment as real columns written with the row (back-filled), so the insight index covers the aggregates", Version8),
        new(9, "reply outbox", Version9),
        new(10, "source epochs, the fencing tokens of scaled-out source leases", Version10),
        new(13, "due times of alerting state rows (back-filled for the person wake-ups of scaled-out silos), indexed", Version13),
        new(14, "the fingerprint of each interaction id (back-filled), covered by the person index, for the per-identity totals", Version14, InteractionFingerprintMigration.Backfill),
    ];

    /// <summary>Gets the version of the newest migration.</summary>
    public static int LatestVersion => All[^1].Version;

    private const string Version1 = """
        CREATE TABLE people (
            id TEXT NOT NULL PRIMARY KEY,
            first_seen_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL
        );

        CREATE TABLE identities (
            identity_key TEXT NOT NULL PRIMARY KEY,
            person_id TEXT NOT NULL,
            platform TEXT NOT NULL,
            handle TEXT NOT NULL,
            display_name TEXT,
            profile_url TEXT,
            followers INTEGER,
            seen_at INTEGER NOT NULL
        );
        CREATE INDEX ix_identities_person ON identities (person_id);

        CREATE TABLE posts (
            id TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            author_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            reply_to_id TEXT,
            retracted_at INTEGER,
            payload TEXT
        );
        CREATE INDEX ix_posts_author ON posts (author_id, created_at, id);

        CREATE TABLE mentions (
            id TEXT NOT NULL PRIMARY KEY,
            watch_name TEXT NOT NULL,
            post_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX ix_mentions_watch_time ON mentions (watch_name, created_at, id);
        CREATE INDEX ix_mentions_post ON mentions (post_id);

        CREATE TABLE interactions (
            id TEXT NOT NULL PRIMARY KEY,
            person_id TEXT NOT NULL,
            post_id TEXT NOT NULL,
            direction INTEGER NOT NULL,
            occurred_at INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX ix_interactions_person ON interactions (person_id, direction);
        CREATE INDEX ix_interactions_post ON interactions (post_id);

        CREATE TABLE checkpoints (
            source_name TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );

        CREATE TABLE dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            origin TEXT NOT NULL,
            position TEXT NOT NULL,
            reason TEXT NOT NULL,
            excerpt TEXT,
            person_id TEXT,
            recorded_at INTEGER NOT NULL,
            UNIQUE (kind, origin, position)
        );
        CREATE INDEX ix_dead_letters_person ON dead_letters (person_id);

        CREATE TABLE alert_outbox (
            idempotency_key TEXT NOT NULL PRIMARY KEY,
            kind TEXT NOT NULL,
            post_id TEXT,
            person_id TEXT,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            enqueued_at INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            lease_until INTEGER,
            last_error TEXT
        );
        CREATE INDEX ix_alert_outbox_due ON alert_outbox (next_attempt_at, enqueued_at);
        CREATE INDEX ix_alert_outbox_post ON alert_outbox (post_id);
        CREATE INDEX ix_alert_outbox_person ON alert_outbox (person_id);

        -- Keys of alerts that left the outbox (delivered or dead), so a replayed batch never enqueues them again.
        CREATE TABLE settled_alerts (
            idempotency_key TEXT NOT NULL PRIMARY KEY,
            outcome TEXT NOT NULL,
            settled_at INTEGER NOT NULL
        );
        """;

    private const string Version2 = """
        ALTER TABLE mentions ADD COLUMN person_id TEXT;
        UPDATE mentions SET person_id = (SELECT posts.author_id FROM posts WHERE posts.id = mentions.post_id);
        CREATE INDEX ix_mentions_person ON mentions (person_id);
        CREATE INDEX ix_mentions_time ON mentions (created_at, id);

        CREATE TABLE relationship_snapshots (
            person_id TEXT NOT NULL,
            as_of INTEGER NOT NULL,
            bond REAL NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (person_id, as_of)
        );
        CREATE INDEX ix_relationship_snapshots_bond ON relationship_snapshots (bond, person_id);
        """;

    private const string Version3 = """
        CREATE INDEX ix_interactions_time ON interactions (occurred_at, id);
        """;

    // The column keeps its rows; SettledKeyMigration then replaces every key by its keyed hash.
    private const string Version4 = """
        CREATE TABLE store_secret (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            secret BLOB NOT NULL
        );
        ALTER TABLE settled_alerts RENAME COLUMN idempotency_key TO key_hash;
        """;

    private const string Version5 = """
        CREATE TABLE inbox_items (
            id TEXT NOT NULL PRIMARY KEY,
            person_id TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            state INTEGER NOT NULL,
            assignee TEXT,
            kind INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX ix_inbox_items_due ON inbox_items (due_at, id);
        CREATE INDEX ix_inbox_items_state ON inbox_items (state, due_at, id);
        CREATE INDEX ix_inbox_items_thread ON inbox_items (thread_id, person_id);
        CREATE INDEX ix_inbox_items_person ON inbox_items (person_id);
        """;

    // Virtual generated columns cost no rewrite and no writer change (a damaged payload gives NULL, not an error); the covering index stores their values, so the
    // insight aggregates read the index alone and never parse a payload.
    private const string Version6 = """
        ALTER TABLE mentions ADD COLUMN category TEXT GENERATED ALWAYS AS (CASE WHEN json_valid(payload) THEN json_extract(payload, '$.watch.category') END) VIRTUAL;
        ALTER TABLE mentions ADD COLUMN sentiment_label TEXT GENERATED ALWAYS AS (CASE WHEN json_valid(payload) THEN json_extract(payload, '$.signals.sentiment.label') END) VIRTUAL;
        ALTER TABLE mentions ADD COLUMN sentiment REAL GENERATED ALWAYS AS (CASE WHEN json_valid(payload) THEN json_extract(payload, '$.signals.sentiment.compound') END) VIRTUAL;
        CREATE INDEX ix_mentions_insights ON mentions (created_at, watch_name, category, sentiment_label, sentiment, person_id, post_id);
        CREATE INDEX ix_posts_time ON posts (created_at, id);
        """;

    private const string Version7 = """
        CREATE TABLE alert_state (
            scope TEXT NOT NULL,
            item TEXT NOT NULL,
            payload TEXT,
            person_id TEXT,
            refers_to_mention INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (scope, item)
        );
        CREATE INDEX ix_alert_state_person ON alert_state (person_id);
        CREATE INDEX ix_alert_state_item ON alert_state (item);
        """;

    // Version 6's virtual columns are not read from the index (SQLite computes them from the row, a json_extract per
    // mention), so the aggregates ran at ~70x a plain count. Real columns, written by the batch writer and back-filled
    // here, make ix_mentions_insights a covering index for volume, share of voice and top people.
    private const string Version8 = """
        DROP INDEX ix_mentions_insights;
        ALTER TABLE mentions DROP COLUMN category;
        ALTER TABLE mentions DROP COLUMN sentiment_label;
        ALTER TABLE mentions DROP COLUMN sentiment;
        ALTER TABLE mentions ADD COLUMN category TEXT;
        ALTER TABLE mentions ADD COLUMN sentiment_label TEXT;
        ALTER TABLE mentions ADD COLUMN sentiment REAL;
        UPDATE mentions SET
            category = CASE WHEN json_valid(payload) THEN json_extract(payload, '$.watch.category') END,
            sentiment_label = CASE WHEN json_valid(payload) THEN json_extract(payload, '$.signals.sentiment.label') END,
            sentiment = CASE WHEN json_valid(payload) THEN json_extract(payload, '$.signals.sentiment.compound') END;
        CREATE INDEX ix_mentions_insights ON mentions (created_at, watch_name, category, sentiment_label, sentiment, person_id, post_id);
        """;

    private const string Version9 = """
        CREATE TABLE replies (
            id TEXT NOT NULL PRIMARY KEY,
            state INTEGER NOT NULL,
            item_id TEXT,
            in_reply_to_post_id TEXT NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            lease_until INTEGER,
            created_at INTEGER NOT NULL,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX ix_replies_due ON replies (state, next_attempt_at, id);
        CREATE INDEX ix_replies_state ON replies (state, created_at, id);
        CREATE INDEX ix_replies_item ON replies (item_id);
        """;

    // One row per source that ever took an epoch: the highest epoch seen, which a fenced commit must not be below.
    private const string Version10 = """
        CREATE TABLE source_epochs (
            source_name TEXT NOT NULL PRIMARY KEY,
            epoch INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        """;

    // The moment an alerting state row falls due, indexed for the rows that have one, so the rows due by a moment are
    // read without the others. The person wake-ups written before it hold their moment in the payload's first line
    // (round-trip format, UTC): back-filled from there, to the millisecond.
    private const string Version13 = """
        ALTER TABLE alert_state ADD COLUMN due_at INTEGER;
        UPDATE alert_state SET due_at = CAST(ROUND((julianday(substr(payload, 1, 23)) - 2440587.5) * 86400000.0) AS INTEGER)
        WHERE scope LIKE 'cluster-wake-up|%' AND payload IS NOT NULL AND julianday(substr(payload, 1, 23)) IS NOT NULL;
        CREATE INDEX ix_alert_state_due ON alert_state (due_at, scope, item) WHERE due_at IS NOT NULL;
        """;

    // Each interaction keeps its id's fingerprint (InteractionFingerprint.Of) as two unsigned 32-bit halves, so that
    // SQLite's integer sum() of a person's halves cannot overflow. The person index is rebuilt to carry them and the
    // moment, so the totals of every identity are read from the index alone, in identity order; its leading columns
    // stay (person_id, direction), as the queries that used it before read them. InteractionFingerprintMigration
    // fills the halves, then builds the index over the filled rows.
    private const string Version14 = """
        ALTER TABLE interactions ADD COLUMN fingerprint_lo INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE interactions ADD COLUMN fingerprint_hi INTEGER NOT NULL DEFAULT 0;
        DROP INDEX ix_interactions_person;
        """;
}
