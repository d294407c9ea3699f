import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SQLiteReviewQueue {
    /// The export format's version, written on every line of `items.jsonl`.
    static let exportSchemaVersion = 1

    public func export(status: StatusFilter, to directory: String, actor: String, redact: Bool) throws -> ExportSummary {
        let actor = try QueueRules.validName(actor, what: "actor")
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        try Self.prepareExportFolder(folder)
        let encoder = QueueJSON.encoder()
        var manifest: [(name: String, hash: String)] = []

        func writeFile(_ data: Data, to name: String) throws {
            let url = folder.appendingPathComponent(name)
            guard
                FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
            else {
                throw QueueError(
                    .exportFailed, "cannot write \(url.path): \(String(cString: strerror(errno)))", path: url.path)
            }
            manifest.append((name, SHA256Hex.of(data)))
        }

        // One snapshot for every item, decision, note and raw file.
        let (itemCount, decisionCount) = try read { db -> (Int, Int) in
            let (clause, arguments) = Self.whereClause(QueueFilter(status: status))
            let items = try Row.fetchAll(
                db, sql: Self.itemSelect + clause + " ORDER BY i.id", arguments: arguments
            ).map(queueItem(from:))
            var itemLines = Data()
            var decisionLines = Data()
            var decisionCount = 0
            if !items.isEmpty && !redact {
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent("raw"), withIntermediateDirectories: false,
                    attributes: [.posixPermissions: 0o700])
            }
            for item in items {
                var decisions = try DecisionRecord.fetchAll(
                    db, sql: "SELECT * FROM decision WHERE item_id = ? ORDER BY id", arguments: [item.id]
                ).map { try $0.decision() }
                var notes = try NoteRecord.fetchAll(
                    db, sql: "SELECT * FROM note WHERE item_id = ? ORDER BY id", arguments: [item.id]
                ).map { $0.note() }
                if redact {
                    notes = notes.map { var note = $0; note.text = Redaction.mask(note.text); return note }
                    decisions = decisions.map { var d = $0; d.note = d.note.map { Redaction.mask($0) }; return d }
                }
                let raw = try Data.fetchOne(
                    db, sql: "SELECT raw FROM item_content WHERE item_id = ?", arguments: [item.id])
                if raw == nil && item.purgedAt == nil {
                    throw StoredValueError("item \(item.id) has no stored content")
                }
                if let raw, SHA256Hex.of(raw) != item.sha256 {
                    throw QueueError(
                        .corruptDatabase,
                        "the stored content of item \(item.id) no longer hashes to its sha256 \(item.sha256); the "
                            + "database was altered. Nothing was audited as exported.", path: path, itemID: item.id)
                }
                var rawName: String?
                if !redact, let raw {
                    let name = "raw/\(item.sha256).\(item.contentKind == "html" ? "html" : "txt")"
                    try writeFile(raw, to: name)
                    rawName = name
                }
                let line = ExportedItem(
                    schemaVersion: Self.exportSchemaVersion, item: redact ? Redaction.redacted(item) : item,
                    decisions: decisions, notes: notes, rawFile: rawName)
                itemLines.append(try encoder.encode(line))
                itemLines.append(10)
                for decision in decisions {
                    decisionLines.append(try encoder.encode(ExportedDecision(decision: decision, sha256: item.sha256)))
                    decisionLines.append(10)
                    decisionCount += 1
                }
            }
            try writeFile(itemLines, to: "items.jsonl")
            try writeFile(decisionLines, to: "decisions.jsonl")
            return (items.count, decisionCount)
        }

        // The export event binds the data files; the recorded head is the chain after it.
        let dataDigest = SHA256Hex.of(Self.manifestText(manifest))
        let now = self.now
        let event = try self.write { db in
            var audit = try AuditWriter(db)
            return try audit.append(
                db, now: now,
                AuditEventBuilder.export(
                    actor: actor, status: status, items: itemCount, decisions: decisionCount, filesSHA256: dataDigest,
                    redacted: redact, directory: folder.path))
        }
        let verification = try verifyAudit()
        let head = AuditHead(
            sequence: event.sequence, hash: event.hash, exportedAt: event.atText, exportedBy: actor,
            status: status.rawValue, items: itemCount, decisions: decisionCount, dataFilesSHA256: dataDigest,
            redacted: redact, auditVerified: verification.isValid, auditMessage: verification.message)
        var headData = try QueueJSON.encoder(pretty: true).encode(head)
        headData.append(10)
        try writeFile(headData, to: "audit-head.json")

        let manifestData = Data(Self.manifestText(manifest).utf8)
        let manifestURL = folder.appendingPathComponent("MANIFEST.sha256")
        guard
            FileManager.default.createFile(
                atPath: manifestURL.path, contents: manifestData, attributes: [.posixPermissions: 0o600])
        else { throw QueueError(.exportFailed, "cannot write \(manifestURL.path)", path: manifestURL.path) }
        return ExportSummary(
            directory: folder.path, itemCount: itemCount, decisionCount: decisionCount,
            files: manifest.map(\.name).sorted() + ["MANIFEST.sha256"], auditHeadSequence: event.sequence,
            auditHeadHash: event.hash)
    }

    /// `sha256sum` lines (`<hex>  <name>`), sorted by name.
    static func manifestText(_ entries: [(name: String, hash: String)]) -> String {
        entries.sorted { $0.name < $1.name }.map { "\($0.hash)  \($0.name)\n" }.joined()
    }

    private static func prepareExportFolder(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw QueueError(.exportFailed, "\(folder.path) exists and is not a folder", path: folder.path)
            }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            guard contents.isEmpty else {
                throw QueueError(
                    .exportFailed, "\(folder.path) is not empty; export into a new folder", path: folder.path)
            }
            _ = chmod(folder.path, 0o700)
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw QueueError(
                .exportFailed, "cannot create \(folder.path): \(error.localizedDescription)", path: folder.path)
        }
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

    enum CodingKeys: String, CodingKey {
        case item, decisions, notes
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

/// `audit-head.json`: the audit chain head right after the export event, and whether the chain verified.
struct AuditHead: Encodable {
    var sequence: Int64
    var hash: String
    var exportedAt: String
    var exportedBy: String
    var status: String
    var items: Int
    var decisions: Int
    var dataFilesSHA256: String
    /// Contact details masked and raw copies left out (`--redact`).
    var redacted: Bool
    var auditVerified: Bool
    var auditMessage: String

    enum CodingKeys: String, CodingKey {
        case status, items, decisions, redacted
        case sequence = "audit_head_seq"
        case hash = "audit_head_hash"
        case exportedAt = "exported_at"
        case exportedBy = "exported_by"
        case dataFilesSHA256 = "data_files_sha256"
        case auditVerified = "audit_verified"
        case auditMessage = "audit_message"
    }
}
