import Foundation
import GRDB

extension SQLiteReviewQueue {
    /// `PRAGMA application_id` of a RedFlag queue ("RFQ1"), so another application's database is recognised and left
    /// alone.
    static let applicationID: Int32 = 0x5246_5131

    /// The schema, one GRDB migration per version. Never edit a registered migration; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: items, decisions, notes, hash-chained audit") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(
                sql: """
                    CREATE TABLE queue_meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );

                    CREATE TABLE item (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                        ad_id TEXT NOT NULL,
                        url TEXT,
                        captured_at TEXT,
                        location TEXT,
                        score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
                        category TEXT,
                        families TEXT NOT NULL,
                        evidence TEXT NOT NULL,
                        contributions TEXT NOT NULL,
                        entities TEXT NOT NULL,
                        features TEXT NOT NULL,
                        text TEXT NOT NULL,
                        content_kind TEXT NOT NULL CHECK (content_kind IN ('html', 'text')),
                        raw_bytes INTEGER NOT NULL,
                        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'decided')),
                        claimed_by TEXT,
                        claim_token TEXT UNIQUE,
                        claimed_at TEXT,
                        claimed_ms INTEGER,
                        lease_expires_at TEXT,
                        lease_expires_ms INTEGER,
                        decision_id INTEGER REFERENCES decision(id),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        group_id INTEGER NOT NULL,
                        group_score REAL NOT NULL,
                        enqueued_at TEXT NOT NULL,
                        enqueued_ms INTEGER NOT NULL,
                        updated_at TEXT NOT NULL,
                        updated_ms INTEGER NOT NULL,
                        CHECK ((status = 'claimed') = (claim_token IS NOT NULL AND claimed_by IS NOT NULL
                                                       AND lease_expires_ms IS NOT NULL)),
                        CHECK ((status = 'decided') = (decision_id IS NOT NULL))
                    );
                    CREATE INDEX item_priority ON item (status, group_score DESC, score DESC, enqueued_ms, id);
                    CREATE INDEX item_group ON item (group_id);
                    CREATE INDEX item_lease ON item (lease_expires_ms) WHERE status = 'claimed';

                    -- The evidentiary copy, apart from the row the claim query scans.
                    CREATE TABLE item_content (
                        item_id INTEGER PRIMARY KEY REFERENCES item(id),
                        raw BLOB NOT NULL
                    );

                    CREATE TABLE item_family (
                        family TEXT NOT NULL,
                        item_id INTEGER NOT NULL REFERENCES item(id),
                        PRIMARY KEY (family, item_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX item_family_by_item ON item_family (item_id);

                    -- Normalised phones (digits) and e-mails (lower case) that link ads into groups.
                    CREATE TABLE item_key (
                        kind TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
                        value TEXT NOT NULL,
                        item_id INTEGER NOT NULL REFERENCES item(id),
                        PRIMARY KEY (kind, value, item_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX item_key_by_item ON item_key (item_id);

                    CREATE TABLE decision (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        item_id INTEGER NOT NULL REFERENCES item(id),
                        verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'dismissed', 'escalated')),
                        severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
                        note TEXT,
                        reviewer TEXT NOT NULL,
                        claim_token TEXT NOT NULL UNIQUE,  -- one decision per claim
                        decided_at TEXT NOT NULL,
                        decided_ms INTEGER NOT NULL,
                        audit_seq INTEGER NOT NULL,
                        reopened_at TEXT,
                        reopened_ms INTEGER
                    );
                    CREATE INDEX decision_by_item ON decision (item_id, id);
                    -- A decision is evidence: only the reopen mark may be set, once; nothing may be deleted.
                    CREATE TRIGGER decision_no_update BEFORE UPDATE OF id, item_id, verdict, severity, note, reviewer,
                        claim_token, decided_at, decided_ms, audit_seq ON decision
                    BEGIN SELECT RAISE(ABORT, 'decisions cannot be changed'); END;
                    CREATE TRIGGER decision_reopen_once BEFORE UPDATE OF reopened_at, reopened_ms ON decision
                        WHEN OLD.reopened_ms IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'decision already reopened'); END;
                    CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
                    BEGIN SELECT RAISE(ABORT, 'decisions cannot be deleted'); END;

                    CREATE TABLE note (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        item_id INTEGER NOT NULL REFERENCES item(id),
                        author TEXT NOT NULL,
                        text TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        created_ms INTEGER NOT NULL,
                        audit_seq INTEGER NOT NULL
                    );
                    CREATE INDEX note_by_item ON note (item_id, id);
                    CREATE TRIGGER note_no_update BEFORE UPDATE ON note
                    BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;
                    CREATE TRIGGER note_no_delete BEFORE DELETE ON note
                    BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;

                    CREATE TABLE audit (
                        seq INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        at_ms INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        item_id INTEGER,
                        detail TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    CREATE INDEX audit_by_item ON audit (item_id, seq);
                    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                    """)
        }
        // A group's highest score is read through this index (one step, not a scan of its members) each time an ad
        // joins a linked group; groups of thousands made enqueue quadratic without it.
        migrator.registerMigration("v3: group members by score") { db in
            try db.execute(
                sql: """
                    DROP INDEX item_group;
                    CREATE INDEX item_group ON item (group_id, score);
                    """)
        }
        // `queue purge`: an item whose ad text, raw copy and contact details were removed on request; its score,
        // families, decisions and audit events stay.
        migrator.registerMigration("v4: purged items") { db in
            try db.execute(sql: "ALTER TABLE item ADD COLUMN purged_at TEXT")
        }
        // Registered last, so files already at v4 take it next.
        migrator.registerMigration("v5: minors first, referral with each decision") { db in
            try db.execute(
                sql: """
                    ALTER TABLE item ADD COLUMN minor INTEGER NOT NULL DEFAULT 0 CHECK (minor IN (0, 1));
                    DROP INDEX item_priority;
                    CREATE INDEX item_priority
                        ON item (status, minor DESC, group_score DESC, score DESC, enqueued_ms, id);

                    ALTER TABLE decision ADD COLUMN referral TEXT;
                    -- The referral shown is part of the decision's record: it may not change either.
                    DROP TRIGGER decision_no_update;
                    CREATE TRIGGER decision_no_update BEFORE UPDATE OF id, item_id, verdict, severity, note, reviewer,
                        claim_token, decided_at, decided_ms, audit_seq, referral ON decision
                    BEGIN SELECT RAISE(ABORT, 'decisions cannot be changed'); END;
                    """)
            try markMinors(db)
        }
        // Verification recomputes every decision row's hash against its decide, reopen or bind event; the rows
        // already there are bound once, here, by bind events appended to the chain.
        migrator.registerMigration("v6: decision rows bound to the audit chain") { db in
            // Appends the way files at v5 keep their head: the head row comes with v7.
            try bindExistingDecisions(db, head: .queueMeta)
        }
        // The chain's head as a one-row table moved with every append, the design a server database with concurrent
        // writers needs (``AuditChain``); SQLite keeps the same table so both stores share schema and verification.
        migrator.registerMigration("v7: audit chain head row") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit_head (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        seq INTEGER NOT NULL,
                        hash TEXT NOT NULL,
                        at_ms INTEGER NOT NULL
                    )
                    """)
            try seedAuditHead(db)
            try db.execute(
                sql: """
                    DELETE FROM queue_meta WHERE key IN ('audit_head_seq', 'audit_head_hash');
                    -- The head moves only to the event just appended, and is never removed.
                    CREATE TRIGGER audit_head_follows_chain BEFORE UPDATE ON audit_head
                        WHEN NEW.id IS NOT 1 OR NEW.seq IS NOT OLD.seq + 1
                            OR NEW.hash IS NOT (SELECT hash FROM audit WHERE seq = NEW.seq)
                            OR NEW.at_ms IS NOT (SELECT at_ms FROM audit WHERE seq = NEW.seq)
                    BEGIN SELECT RAISE(ABORT, 'the audit head only moves to the event just appended'); END;
                    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
                    BEGIN SELECT RAISE(ABORT, 'the audit head cannot be deleted'); END;
                    """)
        }
        // Bearer tokens for `redflag serve` (``SQLiteAccessTokenStore``): only each secret's SHA-256 is kept.
        migrator.registerMigration("v8: access tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE access_tokens (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        role TEXT NOT NULL CHECK (role IN ('ingest', 'reviewer', 'admin')),
                        token_sha256 TEXT NOT NULL UNIQUE,
                        created_at_ms INTEGER NOT NULL,
                        revoked_at_ms INTEGER
                    )
                    """)
        }
        // Template clusters (issue #19): each signed item's cluster and signature, and the band keys later ads are
        // looked up by; reposts: each place and time the same content was posted, the item's own first (seeded
        // here for the items already queued).
        migrator.registerMigration("v9: template clusters and postings") { db in
            try db.execute(sql: templateAndPostingTables)
            try db.execute(
                sql: """
                    INSERT INTO item_posting (item_id, ad_id, url, captured_at, location, seen_at, seen_ms)
                    SELECT id, ad_id, url, captured_at, location, enqueued_at, enqueued_ms FROM item ORDER BY id
                    """)
        }
        return migrator
    }

    /// The v9 tables.
    static let templateAndPostingTables = """
        -- Each cluster, with how many members have a standing confirmed or escalated decision.
        CREATE TABLE template_cluster (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 17),
            confirmed INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE TABLE template_member (
            item_id INTEGER PRIMARY KEY REFERENCES item(id),
            cluster_id TEXT NOT NULL REFERENCES template_cluster(id),
            signature BLOB NOT NULL,
            similarity REAL
        );
        CREATE INDEX template_member_by_cluster ON template_member (cluster_id);
        CREATE TABLE template_band (
            band_key INTEGER NOT NULL,
            item_id INTEGER NOT NULL REFERENCES item(id),
            PRIMARY KEY (band_key, item_id)
        ) WITHOUT ROWID;
        CREATE INDEX template_band_by_item ON template_band (item_id);
        -- How many clusters each minimum (position and value) opened: boilerplate when several did.
        CREATE TABLE template_common (
            minimum_key INTEGER PRIMARY KEY,
            templates INTEGER NOT NULL
        );
        CREATE TABLE item_posting (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id INTEGER NOT NULL REFERENCES item(id),
            ad_id TEXT NOT NULL,
            url TEXT,
            captured_at TEXT,
            location TEXT,
            seen_at TEXT NOT NULL,
            seen_ms INTEGER NOT NULL
        );
        CREATE INDEX item_posting_by_item ON item_posting (item_id, ad_id);
        -- Confirmed copies of an item's template raise its priority (``QueuePriority``), second after minors.
        ALTER TABLE item ADD COLUMN template_confirmed INTEGER NOT NULL DEFAULT 0;
        DROP INDEX item_priority;
        CREATE INDEX item_priority
            ON item (status, minor DESC, template_confirmed DESC, group_score DESC, score DESC, enqueued_ms, id);
        """

    /// Writes the head row of a file that kept its head in `queue_meta`: the head recorded there (on an untouched
    /// file, the last event), so a tail cut off before the upgrade is still reported; the last event when nothing
    /// was recorded; sequence 0 and the genesis hash for an empty trail.
    static func seedAuditHead(_ db: Database) throws {
        let recordedSequence = try String.fetchOne(
            db, sql: "SELECT value FROM queue_meta WHERE key = 'audit_head_seq'"
        ).flatMap { Int64($0) }
        let recordedHash = try String.fetchOne(db, sql: "SELECT value FROM queue_meta WHERE key = 'audit_head_hash'")
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash, at_ms FROM audit ORDER BY seq DESC LIMIT 1")
        var sequence: Int64 = try last?.decode(forColumn: "seq") ?? 0
        var hash: String = try last?.decode(forColumn: "hash") ?? AuditChain.genesisHash
        let milliseconds: Int64 = try last?.decode(forColumn: "at_ms") ?? 0
        if let recordedSequence, let recordedHash {
            sequence = recordedSequence
            hash = recordedHash
        }
        try db.execute(
            sql: "INSERT INTO audit_head (id, seq, hash, at_ms) VALUES (1, ?, ?, ?)",
            arguments: [sequence, hash, milliseconds])
    }

    /// Marks the items queued before minors came first, by the same rule enqueue applies (``MinorEvidence``).
    ///
    /// A row whose stored JSON no longer decodes is left unmarked rather than failing the migration: the queue must
    /// still open so that what does read can be reviewed and exported, and that row fails loudly when it is read.
    static func markMinors(_ db: Database) throws {
        let decoder = JSONDecoder()
        let rows = try Row.fetchCursor(db, sql: "SELECT id, families, evidence, contributions, entities FROM item")
        var minors: [Int64] = []
        while let row = try rows.next() {
            func json<T: Decodable>(_ type: T.Type, _ column: String) -> T? {
                guard let text = try? row.decode(String.self, forColumn: column) else { return nil }
                return try? decoder.decode(type, from: Data(text.utf8))
            }
            guard let id = try? row.decode(Int64.self, forColumn: "id"), let families = json([String].self, "families"),
                let evidence = try? StoredJSON.indicators(try row.decode(forColumn: "evidence")),
                let contributions = try? StoredJSON.contributions(try row.decode(forColumn: "contributions")),
                let entities = try? StoredJSON.entities(try row.decode(forColumn: "entities"))
            else { continue }
            if MinorEvidence.pointsToMinor(
                families: families, evidence: evidence, contributions: contributions, entities: entities)
            {
                minors.append(id)
            }
        }
        for id in minors {
            try db.execute(sql: "UPDATE item SET minor = 1 WHERE id = ?", arguments: [id])
        }
    }
}
