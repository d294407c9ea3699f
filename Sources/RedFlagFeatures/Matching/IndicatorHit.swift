/// One indicator found in an ad: which lexicon entry fired, on what text, where.
public struct IndicatorHit: Sendable, Equatable {
    public var family: Family
    /// The lexicon entry id.
    public var entry: String
    /// The matched text as it stands in the ad.
    public var match: String
    /// Offsets into the extracted text, in Unicode scalars (what Python's `str` indexes), end exclusive.
    public var start: Int
    public var end: Int
    /// The same span in UTF-8 bytes of the extracted text.
    public var utf8Range: Range<Int>

    /// The sparse feature name: `<family>.<entry>` (made once per lexicon entry, not per hit).
    public var feature: String
    /// The lexicon marks the entry as pointing to a person under 18 by itself (``Lexicon/Entry/minor``); the review
    /// queue puts such ads first.
    public var minor: Bool = false
}
