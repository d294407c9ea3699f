/// What ``ReviewQueue/export(status:to:actor:)`` wrote.
public struct ExportSummary: Sendable, Hashable, Codable {
    public var directory: String
    public var itemCount: Int
    public var decisionCount: Int
    /// Every file written, relative to ``directory``, `MANIFEST.sha256` last.
    public var files: [String]
    /// The audit chain head after the export event was appended.
    public var auditHeadSequence: Int64
    public var auditHeadHash: String

    public init(
        directory: String, itemCount: Int, decisionCount: Int, files: [String], auditHeadSequence: Int64,
        auditHeadHash: String
    ) {
        self.directory = directory
        self.itemCount = itemCount
        self.decisionCount = decisionCount
        self.files = files
        self.auditHeadSequence = auditHeadSequence
        self.auditHeadHash = auditHeadHash
    }

    enum CodingKeys: String, CodingKey {
        case directory, files
        case itemCount = "items"
        case decisionCount = "decisions"
        case auditHeadSequence = "audit_head_seq"
        case auditHeadHash = "audit_head_hash"
    }
}
