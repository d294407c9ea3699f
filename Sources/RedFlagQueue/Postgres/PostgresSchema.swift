#if Postgres
    import Foundation
    import PostgresNIO

    /// The PostgreSQL queue's schema and its versioned migrations, applied when a queue is opened.
    ///
    /// `schema_migrations` records each version applied. Opening takes a transaction-scoped advisory lock keyed by
    /// the schema's name before reading it, so two processes opening a new database at once apply each migration
    /// once: the second waits, then finds them done. PostgreSQL's DDL is transactional, so a migration that fails
    /// leaves nothing half made. Never edit a registered migration; add a new one.
    ///
    /// The tables are the SQLite store's, in PostgreSQL's types (times as RFC 3339 text beside milliseconds, JSON as
    /// the text the scan wrote, so both stores bind decision rows to the chain alike), and triggers do what SQLite's
    /// do: the audit trail, notes and decisions are append-only (a decision may be marked reopened, once), and the
    /// chain's head row only moves to the event just appended.
    enum PostgresSchema {
        struct Migration {
            var version: Int
            var name: String
            var statements: [String]
        }

        /// What identifies a queue schema in `queue_meta`, so another application's tables are never touched.
        static let application = "redflag-queue"

        static let migrations: [Migration] = [
            Migration(
                version: 1, name: "items, decisions, notes, hash-chained audit with its head row",
                statements: version1)
        ]

        /// Creates the schema when absent, refuses one that holds another application's tables or a newer RedFlag's
        /// migrations, and applies the missing migrations, all in one transaction under the advisory lock.
        /// - Parameter creating: whether a schema without a queue gets one; when not, ``QueueError/Code/noQueue``.
        static func migrate(_ sql: PostgresSQL, location: PostgresLocation, creating: Bool) async throws {
            let name = location.description
            try await sql.run("BEGIN")
            do {
                let schema = location.schema
                try await sql.run("SELECT pg_advisory_xact_lock(hashtext(\("redflag.migrate." + schema)))")
                let tables = Set(
                    try await sql.rows(
                        "SELECT tablename FROM pg_tables WHERE schemaname = \(schema) ORDER BY tablename"
                    ).map { try $0.get("tablename", as: String.self) })
                var applied = 0
                if tables.contains("schema_migrations") {
                    applied =
                        try await sql.value("SELECT coalesce(max(version), 0) FROM schema_migrations", as: Int.self)
                        ?? 0
                    let owner = try await sql.value(
                        "SELECT value FROM queue_meta WHERE key = 'application'", as: String.self)
                    guard owner == application else {
                        throw QueueError(
                            .foreignDatabase,
                            "\(name): schema \(schema) has a schema_migrations table that is not RedFlag's; it was "
                                + "left untouched (choose another with ?schema=NAME)", path: name)
                    }
                } else if !tables.isEmpty {
                    let shown = tables.sorted().prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
                    throw QueueError(
                        .foreignDatabase,
                        "\(name): schema \(schema) already holds tables of another application (\(shown)), not a "
                            + "RedFlag queue; it was left untouched (choose another with ?schema=NAME)", path: name)
                } else if !creating {
                    throw QueueError(
                        .noQueue,
                        "no review queue at \(name): schema \(schema) holds none", path: name)
                } else {
                    try await sql.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"))
                    try await sql.run(
                        """
                        CREATE TABLE schema_migrations (
                            version integer PRIMARY KEY,
                            name text NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT now()
                        )
                        """)
                }
                let known = migrations.last?.version ?? 0
                if applied > known {
                    throw QueueError(
                        .schemaTooNew,
                        "\(name) was written by a newer RedFlag (schema version \(applied), this one knows up to "
                            + "\(known)); upgrade RedFlag to open it", path: name)
                }
                for migration in migrations where migration.version > applied {
                    for statement in migration.statements {
                        try await sql.run(PostgresQuery(unsafeSQL: statement))
                    }
                    try await sql.run(
                        "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))"
                    )
                }
                try await sql.run("COMMIT")
            } catch {
                try? await sql.run("ROLLBACK")
                throw error
            }
        }

        /// The functions the triggers call. `SET search_path FROM CURRENT` pins them to the queue's schema, so a
        /// session with another search path cannot point them at other tables.
        private static let functions = [
            """
            CREATE FUNCTION redflag_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'P0001';
            END $$
            """,
            """
            CREATE FUNCTION redflag_decision_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (NEW.id, NEW.item_id, NEW.verdict, NEW.severity, NEW.note, NEW.reviewer, NEW.claim_token,
                    NEW.decided_at, NEW.decided_ms, NEW.audit_seq, NEW.referral)
                   IS DISTINCT FROM
                   (OLD.id, OLD.item_id, OLD.verdict, OLD.severity, OLD.note, OLD.reviewer, OLD.claim_token,
                    OLD.decided_at, OLD.decided_ms, OLD.audit_seq, OLD.referral) THEN
                    RAISE EXCEPTION 'decisions cannot be changed' USING ERRCODE = 'P0001';
                END IF;
                IF OLD.reopened_ms IS NOT NULL
                   AND (NEW.reopened_at, NEW.reopened_ms) IS DISTINCT FROM (OLD.reopened_at, OLD.reopened_ms) THEN
                    RAISE EXCEPTION 'decision already reopened' USING ERRCODE = 'P0001';
                END IF;
                RETURN NEW;
            END $$
            """,
            // Appends events and moves the head onto each, in one round trip however many there are: the head is
            // locked while this runs, so every round trip saved is time other writers do not wait. An item id of 0
            // stands for none (ids start at 1; PostgreSQL arrays of nullable values are not bound here).
            """
            CREATE FUNCTION redflag_append(p_seq bigint[], p_at text[], p_at_ms bigint[], p_actor text[],
                p_action text[], p_item_id bigint[], p_detail text[], p_prev_hash text[], p_hash text[])
            RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                FOR i IN 1 .. coalesce(array_length(p_seq, 1), 0) LOOP
                    INSERT INTO audit (seq, at, at_ms, actor, action, item_id, detail, prev_hash, hash)
                    VALUES (p_seq[i], p_at[i], p_at_ms[i], p_actor[i], p_action[i], nullif(p_item_id[i], 0),
                        p_detail[i], p_prev_hash[i], p_hash[i]);
                    UPDATE audit_head SET seq = p_seq[i], hash = p_hash[i], at_ms = p_at_ms[i] WHERE id = 1;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'the audit chain''s head row is missing' USING ERRCODE = 'P0001';
                    END IF;
                END LOOP;
            END $$
            """,
            """
            CREATE FUNCTION redflag_audit_head_follows() RETURNS trigger LANGUAGE plpgsql
            SET search_path FROM CURRENT AS $$
            BEGIN
                IF NEW.id IS DISTINCT FROM 1 OR NEW.seq IS DISTINCT FROM OLD.seq + 1
                   OR NEW.hash IS DISTINCT FROM (SELECT hash FROM audit WHERE seq = NEW.seq)
                   OR NEW.at_ms IS DISTINCT FROM (SELECT at_ms FROM audit WHERE seq = NEW.seq) THEN
                    RAISE EXCEPTION 'the audit head only moves to the event just appended' USING ERRCODE = 'P0001';
                END IF;
                RETURN NEW;
            END $$
            """,
        ]

        /// Version 1: the SQLite store's schema at its v7, in one step.
        private static let version1: [String] =
            [
                """
                CREATE TABLE queue_meta (
                    key text PRIMARY KEY,
                    value text NOT NULL
                )
                """,
                "INSERT INTO queue_meta (key, value) VALUES ('application', '\(application)')",
                """
                CREATE TABLE decision (
                    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    item_id bigint NOT NULL,
                    verdict text NOT NULL CHECK (verdict IN ('confirmed', 'dismissed', 'escalated')),
                    severity integer NOT NULL CHECK (severity BETWEEN 1 AND 5),
                    note text,
                    reviewer text NOT NULL,
                    claim_token text NOT NULL UNIQUE,
                    decided_at text NOT NULL,
                    decided_ms bigint NOT NULL,
                    audit_seq bigint NOT NULL,
                    referral text,
                    reopened_at text,
                    reopened_ms bigint
                )
                """,
                """
                CREATE TABLE item (
                    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    sha256 text NOT NULL UNIQUE CHECK (length(sha256) = 64),
                    ad_id text NOT NULL,
                    url text,
                    captured_at text,
                    location text,
                    score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
                    category text,
                    families text NOT NULL,
                    evidence text NOT NULL,
                    contributions text NOT NULL,
                    entities text NOT NULL,
                    features text NOT NULL,
                    text text NOT NULL,
                    content_kind text NOT NULL CHECK (content_kind IN ('html', 'text')),
                    raw_bytes bigint NOT NULL,
                    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'decided')),
                    claimed_by text,
                    claim_token text UNIQUE,
                    claimed_at text,
                    claimed_ms bigint,
                    lease_expires_at text,
                    lease_expires_ms bigint,
                    decision_id bigint REFERENCES decision (id) DEFERRABLE INITIALLY IMMEDIATE,
                    attempts integer NOT NULL DEFAULT 0,
                    group_id bigint NOT NULL,
                    group_score double precision NOT NULL,
                    enqueued_at text NOT NULL,
                    enqueued_ms bigint NOT NULL,
                    updated_at text NOT NULL,
                    updated_ms bigint NOT NULL,
                    purged_at text,
                    minor boolean NOT NULL DEFAULT false,
                    CHECK ((status = 'claimed') = (claim_token IS NOT NULL AND claimed_by IS NOT NULL
                                                   AND lease_expires_ms IS NOT NULL)),
                    CHECK ((status = 'decided') = (decision_id IS NOT NULL))
                )
                """,
                // Item and decision point at each other; a move (`moveIn`) defers both checks to its commit.
                "ALTER TABLE decision ADD FOREIGN KEY (item_id) REFERENCES item (id) DEFERRABLE INITIALLY IMMEDIATE",
                "CREATE INDEX item_priority ON item (status, minor DESC, group_score DESC, score DESC, enqueued_ms, id)",
                "CREATE INDEX item_group ON item (group_id, score)",
                "CREATE INDEX item_lease ON item (lease_expires_ms) WHERE status = 'claimed'",
                "CREATE INDEX decision_by_item ON decision (item_id, id)",
                // The evidentiary copy, apart from the rows the claim query scans.
                "CREATE TABLE item_content (item_id bigint PRIMARY KEY REFERENCES item (id), raw bytea NOT NULL)",
                """
                CREATE TABLE item_family (
                    family text NOT NULL,
                    item_id bigint NOT NULL REFERENCES item (id),
                    PRIMARY KEY (family, item_id)
                )
                """,
                "CREATE INDEX item_family_by_item ON item_family (item_id)",
                // Normalised phones (digits) and e-mails (lower case) that link ads into groups.
                """
                CREATE TABLE item_key (
                    kind text NOT NULL CHECK (kind IN ('phone', 'email')),
                    value text NOT NULL,
                    item_id bigint NOT NULL REFERENCES item (id),
                    PRIMARY KEY (kind, value, item_id)
                )
                """,
                "CREATE INDEX item_key_by_item ON item_key (item_id)",
                """
                CREATE TABLE note (
                    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    item_id bigint NOT NULL REFERENCES item (id),
                    author text NOT NULL,
                    text text NOT NULL,
                    created_at text NOT NULL,
                    created_ms bigint NOT NULL,
                    audit_seq bigint NOT NULL
                )
                """,
                "CREATE INDEX note_by_item ON note (item_id, id)",
                """
                CREATE TABLE audit (
                    seq bigint PRIMARY KEY,
                    at text NOT NULL,
                    at_ms bigint NOT NULL,
                    actor text NOT NULL,
                    action text NOT NULL,
                    item_id bigint,
                    detail text NOT NULL,
                    prev_hash text NOT NULL,
                    hash text NOT NULL
                )
                """,
                "CREATE INDEX audit_by_item ON audit (item_id, seq)",
                // The chain's head, locked FOR UPDATE by every appending transaction (``AuditChain``).
                """
                CREATE TABLE audit_head (
                    id integer PRIMARY KEY CHECK (id = 1),
                    seq bigint NOT NULL,
                    hash text NOT NULL,
                    at_ms bigint NOT NULL
                )
                """,
                "INSERT INTO audit_head (id, seq, hash, at_ms) VALUES (1, 0, '\(AuditChain.genesisHash)', 0)",
                // Enqueues serialise on this row (see PostgresReviewQueue).
                "CREATE TABLE queue_lock (name text PRIMARY KEY)",
                "INSERT INTO queue_lock (name) VALUES ('enqueue')",
            ] + functions + [
                """
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                FOR EACH ROW EXECUTE FUNCTION redflag_refuse('audit is append-only')
                """,
                """
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                FOR EACH ROW EXECUTE FUNCTION redflag_refuse('audit is append-only')
                """,
                """
                CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
                FOR EACH STATEMENT EXECUTE FUNCTION redflag_refuse('audit is append-only')
                """,
                """
                CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision
                FOR EACH ROW EXECUTE FUNCTION redflag_decision_update()
                """,
                """
                CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
                FOR EACH ROW EXECUTE FUNCTION redflag_refuse('decisions cannot be deleted')
                """,
                """
                CREATE TRIGGER decision_no_truncate BEFORE TRUNCATE ON decision
                FOR EACH STATEMENT EXECUTE FUNCTION redflag_refuse('decisions cannot be deleted')
                """,
                """
                CREATE TRIGGER note_no_update BEFORE UPDATE OR DELETE ON note
                FOR EACH ROW EXECUTE FUNCTION redflag_refuse('notes are append-only')
                """,
                """
                CREATE TRIGGER audit_head_follows_chain BEFORE UPDATE ON audit_head
                FOR EACH ROW EXECUTE FUNCTION redflag_audit_head_follows()
                """,
                """
                CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
                FOR EACH ROW EXECUTE FUNCTION redflag_refuse('the audit head cannot be deleted')
                """,
            ]

        /// The triggers verification requires present and enabled: those that keep the trail and the decisions
        /// append-only.
        static let requiredTriggers = [
            "audit_no_update", "audit_no_delete", "audit_no_truncate", "decision_no_update", "decision_no_delete",
        ]
    }
#endif
