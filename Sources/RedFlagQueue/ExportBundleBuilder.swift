import Foundation

/// How every store turns what it read for an export into an ``ExportBundle``: redaction, the check that each raw
/// copy still hashes to its item's sha256, the data files, and the audit event that binds them. Pure, so two stores
/// holding the same items render the same bytes and record the same event.
package struct ExportBundleBuilder: Sendable {
    /// What a store read for one item, in one snapshot.
    package struct Read: Sendable {
        package var item: QueueItem
        package var decisions: [Decision]
        package var notes: [Note]
        package var raw: [UInt8]?
        package var postings: [Posting]

        package init(item: QueueItem, decisions: [Decision], notes: [Note], raw: [UInt8]?, postings: [Posting] = []) {
            self.item = item
            self.decisions = decisions
            self.notes = notes
            self.raw = raw
            self.postings = postings
        }
    }

    package let status: StatusFilter
    package let redact: Bool
    package let actor: String
    package let destination: String?
    private let entries: [ExportBundle.Entry]
    private let dataFiles: [ExportBundle.File]
    package let dataFilesSHA256: String

    /// - Parameters:
    ///   - items: in id order.
    ///   - store: the store's name in messages (the SQLite file's path).
    /// - Throws: ``QueueError/Code/corruptDatabase`` when a raw copy is missing or no longer hashes to its item's
    ///   sha256, before anything is audited as exported.
    package init(
        status: StatusFilter, actor: String, redact: Bool, destination: String?, items: [Read], store: String?
    ) throws {
        self.status = status
        self.actor = actor
        self.redact = redact
        self.destination = destination
        var entries: [ExportBundle.Entry] = []
        entries.reserveCapacity(items.count)
        for read in items {
            let item = read.item
            if read.raw == nil && item.purgedAt == nil {
                throw StoredValueError("item \(item.id) has no stored content")
            }
            if let raw = read.raw, SHA256Hex.of(raw) != item.sha256 {
                throw QueueError(
                    .corruptDatabase,
                    "the stored content of item \(item.id) no longer hashes to its sha256 \(item.sha256); the "
                        + "database was altered. Nothing was audited as exported.", path: store, itemID: item.id)
            }
            if redact {
                let notes = read.notes.map { var note = $0; note.text = Redaction.mask(note.text); return note }
                let decisions = read.decisions.map { var d = $0; d.note = d.note.map { Redaction.mask($0) }; return d }
                let postings = read.postings.map { var p = $0; p.url = p.url.map { Redaction.mask($0) }; return p }
                entries.append(
                    ExportBundle.Entry(
                        item: Redaction.redacted(item), decisions: decisions, notes: notes, raw: nil,
                        postings: postings))
            } else {
                entries.append(
                    ExportBundle.Entry(
                        item: item, decisions: read.decisions, notes: read.notes, raw: read.raw,
                        postings: read.postings))
            }
        }
        self.entries = entries
        dataFiles = try Self.render(entries)
        dataFilesSHA256 = SHA256Hex.of(ExportBundle.manifest(dataFiles))
    }

    /// The raw copies, then `items.jsonl` (one ``ExportedItem`` a line) and `decisions.jsonl`.
    private static func render(_ entries: [ExportBundle.Entry]) throws -> [ExportBundle.File] {
        let encoder = QueueJSON.encoder()
        var files: [ExportBundle.File] = []
        var itemLines = Data()
        var decisionLines = Data()
        for entry in entries {
            if let raw = entry.raw, let name = entry.rawFile {
                files.append(ExportBundle.File(name: name, contents: Data(raw)))
            }
            let line = ExportedItem(
                schemaVersion: ExportBundle.schemaVersion, item: entry.item, decisions: entry.decisions,
                notes: entry.notes, rawFile: entry.rawFile, postings: entry.postings)
            itemLines.append(try encoder.encode(line))
            itemLines.append(10)
            for decision in entry.decisions {
                decisionLines.append(try encoder.encode(ExportedDecision(decision: decision, sha256: entry.item.sha256)))
                decisionLines.append(10)
            }
        }
        files.append(ExportBundle.File(name: "items.jsonl", contents: itemLines))
        files.append(ExportBundle.File(name: "decisions.jsonl", contents: decisionLines))
        return files
    }

    /// The export event to append: it binds the data files by ``dataFilesSHA256``.
    package var event: AuditEntry {
        AuditEventBuilder.export(
            actor: actor, status: status, items: entries.count,
            decisions: entries.reduce(0) { $0 + $1.decisions.count }, filesSHA256: dataFilesSHA256, redacted: redact,
            directory: destination)
    }

    /// The bundle, once `event` was appended as `appended` and the chain then checked as `verification`.
    package func bundle(appended: AuditEvent, verification: AuditVerification) -> ExportBundle {
        let decisions = entries.reduce(0) { $0 + $1.decisions.count }
        return ExportBundle(
            status: status, redacted: redact, entries: entries, dataFiles: dataFiles,
            dataFilesSHA256: dataFilesSHA256,
            head: ExportHead(
                sequence: appended.sequence, hash: appended.hash, exportedAt: appended.atText, exportedBy: actor,
                status: status.rawValue, items: entries.count, decisions: decisions,
                dataFilesSHA256: dataFilesSHA256, redacted: redact, auditVerified: verification.isValid,
                auditMessage: verification.message))
    }
}

/// One line of `items.jsonl`.
struct ExportedItem: Encodable {
    var schemaVersion: Int
    var item: QueueItem
    var decisions: [Decision]
    var notes: [Note]
    /// The raw copy's path in the bundle; absent in a redacted export, which leaves the copies out, and for a
    /// purged item, which has none.
    var rawFile: String?
    /// Every posting of the item's content (a repost under another id or URL adds one).
    var postings: [Posting]

    enum CodingKeys: String, CodingKey {
        case item, decisions, notes, postings
        case schemaVersion = "schema_version"
        case rawFile = "raw_file"
    }
}

/// One line of `decisions.jsonl`.
struct ExportedDecision: Encodable {
    var decision: Decision
    var sha256: String

    func encode(to encoder: any Encoder) throws {
        try decision.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(sha256, forKey: .sha256)
    }

    enum Key: String, CodingKey { case sha256 }
}
