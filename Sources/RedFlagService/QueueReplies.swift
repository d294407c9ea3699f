import Foundation
public import RedFlagQueue
import RedFlagContract

// The JSON replies of the queue commands (`--format json`), shared by the command line and a server.

/// `decide --format json`.
public struct DecisionReply: Encodable, Sendable {
    public var decision: Decision
    /// The same decision was already recorded under this claim (deciding is idempotent).
    public var alreadyRecorded: Bool

    public init(decision: Decision, alreadyRecorded: Bool) {
        self.decision = decision
        self.alreadyRecorded = alreadyRecorded
    }

    public func encode(to encoder: any Encoder) throws {
        try decision.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(alreadyRecorded, forKey: .alreadyRecorded)
    }

    enum Key: String, CodingKey { case alreadyRecorded = "already_recorded" }
}

/// `show --format json`.
///
/// The item's two groups side by side: `linked` (ads sharing a phone or e-mail, directly or through others) and
/// `same_template` (ads posted from the same text, whatever their contacts), with the template's shared text and
/// varying slots, and every posting of the item's content.
public struct ShowReply: Encodable, Sendable {
    public var item: QueueItem
    public var linked: [LinkedItem]
    public var notes: [Note]
    public var decisions: [Decision]
    /// The other members of the item's template cluster, highest score first.
    public var sameTemplate: [QueueItem]
    /// What the template's members share and where they differ; nil when the item is alone in its template.
    public var template: TemplateText?
    /// Where and when the item's exact content was posted, oldest first.
    public var postings: [Posting]

    public init(
        item: QueueItem, linked: [LinkedItem], notes: [Note], decisions: [Decision], sameTemplate: [QueueItem] = [],
        template: TemplateText? = nil, postings: [Posting] = []
    ) {
        self.item = item
        self.linked = linked
        self.notes = notes
        self.decisions = decisions
        self.sameTemplate = sameTemplate
        self.template = template
        self.postings = postings
    }

    /// Everything `queue show` and the server's item route show for `item`, read from `queue`.
    public static func load(_ item: QueueItem, from queue: any ReviewQueue) async throws -> ShowReply {
        let sameTemplate = try await queue.templateMembers(of: item.id)
        let texts = ([item] + sameTemplate).filter { $0.purgedAt == nil }.map(\.text)
        return ShowReply(
            item: item, linked: try await queue.linkedItems(of: item.id), notes: try await queue.notes(of: item.id),
            decisions: try await queue.decisions(of: item.id), sameTemplate: sameTemplate,
            template: sameTemplate.isEmpty || texts.count < 2 ? nil : TemplateText(texts: texts),
            postings: try await queue.postings(of: item.id))
    }

    enum CodingKeys: String, CodingKey {
        case item, linked, notes, decisions, template, postings
        case sameTemplate = "same_template"
    }
}

/// One row of `list`: no ad text.
public struct ItemSummary: Encodable, Sendable {
    public var id: Int64
    /// The evidence points to a person under 18.
    public var minor: Bool
    public var minorReasons: [String]
    public var status: String
    public var state: String
    public var verdict: String?
    public var severity: Int?
    public var reviewer: String?
    public var score: Double
    public var groupID: Int64
    public var groupScore: Double
    public var groupSize: Int
    public var category: String?
    public var families: [String]
    public var phones: [String]
    public var emails: [String]
    public var location: String
    public var date: String
    public var url: String?
    public var adID: String
    public var sha256: String
    public var enqueuedAt: String
    public var leaseExpiresAt: String?
    /// The item's template cluster and its size (0 without one), and how many times its content was posted.
    public var templateID: String?
    public var templateSize: Int
    public var postingCount: Int
    /// Why the template raised the item's priority ("same template as 12 ads, 3 confirmed"), if it did.
    public var templateReason: String?

    /// - Parameter state: the item's state in words, as the front end shows it (not encoded).
    public init(_ item: QueueItem, state: String) {
        id = item.id
        minor = item.minor
        minorReasons = item.minorReasons
        status = item.status.rawValue
        self.state = state
        verdict = item.decision?.verdict.rawValue
        severity = item.decision?.severity
        reviewer = item.decision?.reviewer ?? item.claim?.reviewer
        score = item.score
        groupID = item.groupID
        groupScore = item.groupScore
        groupSize = item.groupSize
        category = item.category
        families = item.families
        phones = item.entities.phones
        emails = item.entities.emails
        location = item.displayLocation
        date = item.displayDate
        url = item.url
        adID = item.adID
        sha256 = item.sha256
        enqueuedAt = RFC3339.string(from: item.enqueuedAt)
        leaseExpiresAt = item.claim.map { RFC3339.string(from: $0.leaseExpiresAt) }
        templateID = item.templateID
        templateSize = item.templateSize
        postingCount = item.postingCount
        templateReason = item.templateReason
    }

    /// `minor` and the template and posting columns are last so scripts that read the columns by position before it was added keep working.
    public static let csvHeader = [
        "id", "status", "verdict", "severity", "reviewer", "score", "group_id", "group_score", "group_size", "category",
        "families", "phones", "emails", "location", "date", "url", "ad_id", "sha256", "enqueued_at", "minor",
        "template_id", "template_size", "posting_count",
    ]

    public var csvFields: [String] {
        [
            String(id), status, verdict ?? "", severity.map(String.init) ?? "", reviewer ?? "", String(score),
            String(groupID), String(groupScore), String(groupSize), category ?? "", families.joined(separator: ";"),
            phones.joined(separator: ";"), emails.joined(separator: ";"), location, date, url ?? "", adID, sha256,
            enqueuedAt, minor ? "true" : "false", templateID ?? "", String(templateSize), String(postingCount),
        ]
    }

    enum CodingKeys: String, CodingKey {
        case id, minor, status, verdict, severity, reviewer, score, category, families, phones, emails, location, date,
            url, sha256
        case minorReasons = "minor_reasons"
        case groupID = "group_id"
        case groupScore = "group_score"
        case groupSize = "group_size"
        case adID = "ad_id"
        case enqueuedAt = "enqueued_at"
        case leaseExpiresAt = "lease_expires_at"
        case templateID = "template_id"
        case templateSize = "template_size"
        case postingCount = "posting_count"
        case templateReason = "template_reason"
    }
}
