public import Foundation

/// One place and time an ad's exact content was posted: the item's own posting, and each repost the queue saw
/// under another id or URL.
///
/// Traffickers repost one text many times; the queue keeps it as one item (deduplicated by content hash), and
/// these say how many times and where, which a reviewer reads as reach and persistence.
public struct Posting: Sendable, Hashable, Codable {
    /// The ad's id in its source.
    public var adID: String
    public var url: String?
    /// When the source says it was posted or captured (kept verbatim).
    public var capturedAt: String?
    /// The place the page gave, when it gave one.
    public var location: String?
    /// When the queue saw this posting.
    public var seenAt: Date

    public init(adID: String, url: String?, capturedAt: String?, location: String?, seenAt: Date) {
        self.adID = adID
        self.url = url
        self.capturedAt = capturedAt
        self.location = location
        self.seenAt = seenAt
    }

    /// Where it was posted: the URL's host (the site), else nil.
    public var source: String? {
        url.flatMap { URLComponents(string: $0)?.host }.flatMap { $0.isEmpty ? nil : $0 }
    }

    enum CodingKeys: String, CodingKey {
        case url, location, source
        case adID = "ad_id"
        case capturedAt = "captured_at"
        case seenAt = "seen_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            adID: try c.decode(String.self, forKey: .adID), url: try c.decodeIfPresent(String.self, forKey: .url),
            capturedAt: try c.decodeIfPresent(String.self, forKey: .capturedAt),
            location: try c.decodeIfPresent(String.self, forKey: .location),
            seenAt: try c.decode(Date.self, forKey: .seenAt))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(adID, forKey: .adID)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(capturedAt, forKey: .capturedAt)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encode(seenAt, forKey: .seenAt)
    }
}
