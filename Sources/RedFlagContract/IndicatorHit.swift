/// One indicator found in an ad: which lexicon entry fired, on what text, where.
///
/// Encoded as the scan output's `indicators` items: `{"family","feature","match","start","end","minor"?}`, where
/// `feature` is the entry id (``entry``) and `minor` is written only when true. ``feature`` (`<family>.<entry>`) is
/// derived from the two and not encoded.
public struct IndicatorHit: Sendable, Hashable, Codable {
    public var family: Family
    /// The lexicon entry id.
    public var entry: String
    /// The matched text as it stands in the ad.
    public var match: String
    /// Offsets into the extracted text, in Unicode scalars (what Python's `str` indexes), end exclusive.
    public var start: Int
    public var end: Int
    /// The sparse feature name: `<family>.<entry>` (made once per lexicon entry by the matcher, not per hit).
    public var feature: String
    /// The lexicon marks the entry as pointing to a person under 18 by itself (`Lexicon.Entry.minor`); the review
    /// queue puts such ads first.
    public var minor: Bool

    /// `feature`, when given, must be `<family>.<entry>`: the matcher passes the one it made for the entry.
    public init(
        family: Family, entry: String, match: String, start: Int, end: Int, feature: String? = nil, minor: Bool = false
    ) {
        self.family = family
        self.entry = entry
        self.match = match
        self.start = start
        self.end = end
        self.feature = feature ?? family.rawValue + "." + entry
        self.minor = minor
    }

    enum CodingKeys: String, CodingKey {
        case family, match, start, end, minor
        case entry = "feature"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            family: try c.decode(Family.self, forKey: .family), entry: try c.decode(String.self, forKey: .entry),
            match: try c.decode(String.self, forKey: .match), start: try c.decode(Int.self, forKey: .start),
            end: try c.decode(Int.self, forKey: .end), minor: try c.decodeIfPresent(Bool.self, forKey: .minor) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(family, forKey: .family)
        try c.encode(entry, forKey: .entry)
        try c.encode(match, forKey: .match)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        if minor { try c.encode(true, forKey: .minor) }
    }
}
