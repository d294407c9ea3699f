public import Foundation
public import RedFlagContract

/// One ad in the review queue, with its assessment and where it stands.
///
/// Encodes to JSON with snake_case keys and RFC 3339 dates (see ``QueueJSON``); the same shape appears in
/// `redflag queue show --format json` and in an export's `items.jsonl`.
public struct QueueItem: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// Lower-case hex SHA-256 of the raw content.
    public var sha256: String
    public var adID: String
    public var url: String?
    public var capturedAt: String?
    /// The place the source gave, if any; see ``displayLocation``.
    public var location: String?
    public var score: Double
    public var category: String?
    public var families: [String]
    public var evidence: [IndicatorHit]
    public var contributions: [Contribution]
    public var entities: Entities
    /// The extracted main text; the evidence offsets are Unicode-scalar offsets into it.
    public var text: String
    /// `"html"` or `"text"`.
    public var contentKind: String
    /// Size of the stored raw content in bytes.
    public var rawByteCount: Int
    public var status: ItemStatus
    /// The current claim, when ``status`` is ``ItemStatus/claimed`` (its lease may have run out).
    public var claim: Claim?
    /// The standing decision, when ``status`` is ``ItemStatus/decided``.
    public var decision: Decision?
    /// Items sharing a phone or e-mail, directly or through other items, have the same group id.
    public var groupID: Int64
    /// The highest score in the item's group: the first priority key.
    public var groupScore: Double
    /// How many items the group has, this one included.
    public var groupSize: Int
    public var enqueuedAt: Date
    /// Times the item has been claimed.
    public var attempts: Int
    /// When `queue purge` removed the ad's text, raw copy, URL and contact details; nil otherwise.
    public var purgedAt: String?
    /// Why the item's evidence points to a person under 18 (``MinorEvidence``); empty when it does not. Such items
    /// come first in the queue, whatever their score.
    public var minorReasons: [String]
    /// The template cluster the item belongs to (``TemplateCluster``): ads posted from the same text, whatever
    /// their phones. Nil when the ad had no template signature.
    public var templateID: String?
    /// How many items the template cluster has, this one included (0 when the item has none).
    public var templateSize: Int
    /// How many times the same content was posted (``Posting``): 1 for an ad seen once.
    public var postingCount: Int
    /// Other members of the template cluster with a standing confirmed or escalated decision: they raise this
    /// item's priority (``QueuePriority``).
    public var templateConfirmed: Int

    /// Why the template raised the item's priority ("same template as 12 ads, 3 confirmed"); nil when it did not.
    public var templateReason: String? { QueuePriority.templateReason(size: templateSize, confirmed: templateConfirmed) }

    /// Whether the evidence points to a minor: the item is claimed before every adult item.
    public var minor: Bool { !minorReasons.isEmpty }

    public init(
        id: Int64, sha256: String, adID: String, url: String?, capturedAt: String?, location: String?, score: Double,
        category: String?, families: [String], evidence: [IndicatorHit], contributions: [Contribution], entities: Entities,
        text: String, contentKind: String, rawByteCount: Int, status: ItemStatus, claim: Claim?, decision: Decision?,
        groupID: Int64, groupScore: Double, groupSize: Int, enqueuedAt: Date, attempts: Int, purgedAt: String? = nil,
        minorReasons: [String]? = nil, templateID: String? = nil, templateSize: Int = 0, postingCount: Int = 1,
        templateConfirmed: Int = 0
    ) {
        self.id = id
        self.sha256 = sha256
        self.adID = adID
        self.url = url
        self.capturedAt = capturedAt
        self.location = location
        self.score = score
        self.category = category
        self.families = families
        self.evidence = evidence
        self.contributions = contributions
        self.entities = entities
        self.text = text
        self.contentKind = contentKind
        self.rawByteCount = rawByteCount
        self.status = status
        self.claim = claim
        self.decision = decision
        self.groupID = groupID
        self.groupScore = groupScore
        self.groupSize = groupSize
        self.enqueuedAt = enqueuedAt
        self.attempts = attempts
        self.purgedAt = purgedAt
        self.templateID = templateID
        self.templateSize = templateSize
        self.postingCount = postingCount
        self.templateConfirmed = templateConfirmed
        self.minorReasons =
            minorReasons
            ?? MinorEvidence.reasons(
                families: families, evidence: evidence, contributions: contributions, entities: entities)
    }

    /// The location to show: the source's place name, else the url's host and path (which often names the city on
    /// classified sites), else `"unknown"`.
    public var displayLocation: String {
        if let location, !location.isEmpty { return location }
        if let url, let components = URLComponents(string: url), let host = components.host, !host.isEmpty {
            let path = components.path
            return path.isEmpty || path == "/" ? host : host + path
        }
        return "unknown"
    }

    /// The date to show for the ad: its capture time when known, else when it was queued.
    public var displayDate: String { capturedAt ?? RFC3339.string(from: enqueuedAt) }

    /// The `limit` contributions with the largest absolute weight, largest first.
    public func topContributions(_ limit: Int = 5) -> [Contribution] {
        // Rules (a stated minor's age) come first: they flagged the ad whatever the weights say.
        let rules = contributions.filter { $0.reason != nil }
        let weights = contributions.filter { $0.reason == nil }.sorted { abs($0.weight) > abs($1.weight) }
        return Array((rules + weights).prefix(limit))
    }

    enum CodingKeys: String, CodingKey {
        case id, sha256, url, location, score, category, families, evidence, contributions, entities, text, status,
            claim, decision, attempts, minor
        case minorReasons = "minor_reasons"
        case adID = "ad_id"
        case capturedAt = "captured_at"
        case contentKind = "content_kind"
        case rawByteCount = "raw_bytes"
        case groupID = "group_id"
        case groupScore = "group_score"
        case groupSize = "group_size"
        case enqueuedAt = "enqueued_at"
        case purgedAt = "purged_at"
        case templateID = "template_id"
        case templateSize = "template_size"
        case postingCount = "posting_count"
        case templateConfirmed = "template_confirmed"
        case templateReason = "template_reason"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let families = try c.decode([String].self, forKey: .families)
        let evidence = try c.decode([IndicatorHit].self, forKey: .evidence)
        let contributions = try c.decode([Contribution].self, forKey: .contributions)
        let entities = try c.decode(Entities.self, forKey: .entities)
        self.init(
            id: try c.decode(Int64.self, forKey: .id), sha256: try c.decode(String.self, forKey: .sha256),
            adID: try c.decode(String.self, forKey: .adID), url: try c.decodeIfPresent(String.self, forKey: .url),
            capturedAt: try c.decodeIfPresent(String.self, forKey: .capturedAt),
            location: try c.decodeIfPresent(String.self, forKey: .location),
            score: try c.decode(Double.self, forKey: .score),
            category: try c.decodeIfPresent(String.self, forKey: .category), families: families, evidence: evidence,
            contributions: contributions, entities: entities, text: try c.decode(String.self, forKey: .text),
            contentKind: try c.decode(String.self, forKey: .contentKind),
            rawByteCount: try c.decode(Int.self, forKey: .rawByteCount),
            status: try c.decode(ItemStatus.self, forKey: .status),
            claim: try c.decodeIfPresent(Claim.self, forKey: .claim),
            decision: try c.decodeIfPresent(Decision.self, forKey: .decision),
            groupID: try c.decode(Int64.self, forKey: .groupID), groupScore: try c.decode(Double.self, forKey: .groupScore),
            groupSize: try c.decode(Int.self, forKey: .groupSize), enqueuedAt: try c.decode(Date.self, forKey: .enqueuedAt),
            attempts: try c.decode(Int.self, forKey: .attempts),
            purgedAt: try c.decodeIfPresent(String.self, forKey: .purgedAt),
            // Items written before the minor marking are judged by the same rule from their evidence.
            minorReasons: try c.decodeIfPresent([String].self, forKey: .minorReasons),
            // Items written before template clusters and reposts: none, and one posting.
            templateID: try c.decodeIfPresent(String.self, forKey: .templateID),
            templateSize: try c.decodeIfPresent(Int.self, forKey: .templateSize) ?? 0,
            postingCount: try c.decodeIfPresent(Int.self, forKey: .postingCount) ?? 1,
            templateConfirmed: try c.decodeIfPresent(Int.self, forKey: .templateConfirmed) ?? 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(adID, forKey: .adID)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(capturedAt, forKey: .capturedAt)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encode(score, forKey: .score)
        try c.encodeIfPresent(category, forKey: .category)
        try c.encode(families, forKey: .families)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(contributions, forKey: .contributions)
        try c.encode(entities, forKey: .entities)
        try c.encode(text, forKey: .text)
        try c.encode(contentKind, forKey: .contentKind)
        try c.encode(rawByteCount, forKey: .rawByteCount)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(claim, forKey: .claim)
        try c.encodeIfPresent(decision, forKey: .decision)
        try c.encode(groupID, forKey: .groupID)
        try c.encode(groupScore, forKey: .groupScore)
        try c.encode(groupSize, forKey: .groupSize)
        try c.encode(enqueuedAt, forKey: .enqueuedAt)
        try c.encode(attempts, forKey: .attempts)
        try c.encodeIfPresent(purgedAt, forKey: .purgedAt)
        try c.encode(minor, forKey: .minor)
        try c.encode(minorReasons, forKey: .minorReasons)
        try c.encode(templateID, forKey: .templateID)
        try c.encode(templateSize, forKey: .templateSize)
        try c.encode(postingCount, forKey: .postingCount)
        try c.encode(templateConfirmed, forKey: .templateConfirmed)
        try c.encodeIfPresent(templateReason, forKey: .templateReason)
    }
}

/// Where an item stands. Decided items carry their ``Verdict`` in ``QueueItem/decision``.
public enum ItemStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, claimed, decided
}

/// A reviewer's hold on an item until ``leaseExpiresAt``.
public struct Claim: Sendable, Hashable, Codable {
    public var reviewer: String
    /// Random 128-bit token naming this claim; a decision is accepted only with the current one (fencing).
    public var token: String
    public var claimedAt: Date
    public var leaseExpiresAt: Date

    public init(reviewer: String, token: String, claimedAt: Date, leaseExpiresAt: Date) {
        self.reviewer = reviewer
        self.token = token
        self.claimedAt = claimedAt
        self.leaseExpiresAt = leaseExpiresAt
    }

    /// Whether the lease has run out at `now`.
    public func isExpired(at now: Date) -> Bool { leaseExpiresAt <= now }

    enum CodingKeys: String, CodingKey {
        case reviewer, token
        case claimedAt = "claimed_at"
        case leaseExpiresAt = "lease_expires_at"
    }
}

/// An item of the same group as another, with the phones and e-mails the two share directly (empty when the link
/// runs through a third ad).
public struct LinkedItem: Sendable, Hashable, Codable {
    public var item: QueueItem
    public var sharedPhones: [String]
    public var sharedEmails: [String]

    public init(item: QueueItem, sharedPhones: [String], sharedEmails: [String]) {
        self.item = item
        self.sharedPhones = sharedPhones
        self.sharedEmails = sharedEmails
    }

    enum CodingKeys: String, CodingKey {
        case item
        case sharedPhones = "shared_phones"
        case sharedEmails = "shared_emails"
    }
}
