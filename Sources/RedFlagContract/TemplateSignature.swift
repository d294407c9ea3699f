/// A MinHash signature of an ad's wording with its contacts, numbers and names masked: two ads posted from one
/// template (the same text under another phone, name, city or price) have nearly the same signature.
///
/// Traffickers post one text, lightly changed, across cities, sites and numbers; grouping ads by template is what
/// analysts' tools do (InfoShield, ICDE 2021). The signature is ``count`` minimum hash values over the ad's word
/// 2-shingles (``TemplateShingles``); the share of equal values estimates the Jaccard similarity of the two shingle
/// sets, with a standard error of about √(J(1−J)/64) ≈ 0.06 at J = 0.6.
///
/// Each value is a multiply-shift hash (`a·x + b`, upper 32 bits, odd `a`) of the shingle's 64-bit hash: one
/// multiply-add per value and shingle, cheap enough for the scan's hot path.
///
/// In the contract because it travels: the scan computes it (RedFlagFeatures), the review queue stores it with the
/// item and matches later ads against it (RedFlagQueue), and neither module imports the other.
public struct TemplateSignature: Sendable, Hashable, Codable {
    /// Values per signature.
    public static let count = 64
    /// LSH banding for finding candidates (``bandKeys``): 20 bands of 3 values cover 60 of the 64. A pair with
    /// Jaccard similarity J becomes a candidate with probability 1 − (1 − J³)²⁰: 0.93 at J = 0.5, 0.99 at 0.6, 0.42
    /// at 0.3, under 0.003 for unrelated ads (J ≈ 0.05), so verification sees few pairs that will not pass.
    public static let bands = 20
    public static let rows = 3
    /// The default estimated similarity for "same template", chosen by measurement (README, "Template clusters";
    /// `redflag bench --stages pairs` on the real ads of ../shared/data): real ads reposted three times with every
    /// digit changed, a tenth of their names and cities replaced and a tenth of their words edited give pair
    /// precision 1.00 and recall 0.77 at 0.5 (0.89 at 0.45, 0.95 at 0.4). Lower is not the default because two
    /// unrelated ads sharing a site's footer then meet before the footer counts as boilerplate (at 0.45 in the
    /// queue's boilerplate test; at 0.4 precision 0.67 with a fifth of the words edited and a footer on every ad).
    public static let defaultSimilarity = 0.5

    /// The minimum hash values.
    public let values: [UInt32]
    /// Shingles the signature was built from (a repeated one counts each time: repeats do not change the minima).
    public let shingles: Int

    public init(values: [UInt32], shingles: Int) {
        precondition(values.count == Self.count, "a template signature has \(Self.count) values")
        self.values = values
        self.shingles = shingles
    }

    /// The signature of a set of shingle hashes; nil when it is empty.
    public init?(shingleHashes: [UInt64]) {
        guard let signature = shingleHashes.withUnsafeBufferPointer({ Self(shingleHashes: $0) }) else { return nil }
        self = signature
    }

    /// The signature of a set of shingle hashes; nil when it is empty.
    ///
    /// Eight values at a time (SIMD lanes: the same multiply-shift per value as one at a time, so the same
    /// signature), which on the scan's hot path takes about three quarters of the time of the scalar loop.
    public init?(shingleHashes: UnsafeBufferPointer<UInt64>) {
        guard !shingleHashes.isEmpty else { return nil }
        var minima = Self.lanes.map { _ in SIMD8<UInt32>(repeating: .max) }
        minima.withUnsafeMutableBufferPointer { minima in
            Self.multiplierLanes.withUnsafeBufferPointer { a in
                Self.addendLanes.withUnsafeBufferPointer { b in
                    for x in shingleHashes {
                        let x = SIMD8<UInt64>(repeating: x)
                        for k in 0..<Self.count / 8 {
                            minima[k] = pointwiseMin(minima[k], SIMD8<UInt32>(truncatingIfNeeded: (a[k] &* x &+ b[k]) &>> 32))
                        }
                    }
                }
            }
        }
        var values: [UInt32] = []
        values.reserveCapacity(Self.count)
        for lane in minima { for j in 0..<8 { values.append(lane[j]) } }
        self.init(values: values, shingles: shingleHashes.count)
    }

    static let lanes = 0..<(count / 8)
    static let multiplierLanes: [SIMD8<UInt64>] = lanes.map { k in SIMD8((0..<8).map { multipliers[k * 8 + $0] }) }
    static let addendLanes: [SIMD8<UInt64>] = lanes.map { k in SIMD8((0..<8).map { addends[k * 8 + $0] }) }

    /// Estimated Jaccard similarity of the two ads' shingle sets: the share of equal values.
    public func similarity(to other: TemplateSignature) -> Double {
        similarity(to: other, atLeast: 0) ?? 0
    }

    /// The similarity when it is at least `minimum`, else nil, stopping as soon as too many values differ: most
    /// candidates a scan verifies fall short, and this runs for each of them.
    public func similarity(to other: TemplateSignature, atLeast minimum: Double) -> Double? {
        let allowedMisses = Self.count - Int((minimum * Double(Self.count)).rounded(.up))
        var misses = 0
        return values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                for i in 0..<Self.count where a[i] != b[i] {
                    misses += 1
                    if misses > allowedMisses { return nil }
                }
                return Double(Self.count - misses) / Double(Self.count)
            }
        }
    }

    /// Boilerplate: a minimum (a value at its position) that the first ads of this many different templates share
    /// comes from text unrelated ads have in common (a site's footer, a disclaimer, a price list), and a match on
    /// it says nothing about two ads being one template (``similarity(to:atLeast:discounting:)``). With 3, part of
    /// a footer's minima went unnoticed and two unrelated ads sharing it still met.
    public static let commonTemplates = 2
    /// Fewest positions left after discounting boilerplate for the rest to be judged at all.
    public static let minimumCounted = 8
    /// Below this share of agreeing positions once boilerplate is set aside, two ads agree only on boilerplate.
    public static let minimumDistinctSimilarity = 0.15

    /// Each position's minimum as one 64-bit key (position in the upper half, value in the lower): what a
    /// boilerplate count is kept under.
    public var minimumKeys: [UInt64] {
        values.enumerated().map { UInt64($0.offset) << 32 | UInt64($0.element) }
    }

    /// ``similarity(to:atLeast:)``, refused when the two agree only on boilerplate: `common` has bit i set where
    /// this signature's minimum is boilerplate, and when, setting aside the positions in `common` where the two
    /// agree, under ``minimumDistinctSimilarity`` of the other positions agree, the match is a shared footer,
    /// disclaimer or price list, not a shared text. A veto rather than a second estimate: on real ads reposted with
    /// 10 % of their words changed, estimating on the rest alone found a third fewer reposts (site chrome is much of
    /// a real ad's text); the veto finds 0.88 of them (0.89 without it) and keeps a footer added to every ad from
    /// joining them (README, "Template clusters").
    public func similarity(to other: TemplateSignature, atLeast minimum: Double, discounting common: UInt64) -> Double? {
        guard let similarity = similarity(to: other, atLeast: minimum) else { return nil }
        if common == 0 { return similarity }
        var matches = 0
        var counted = 0
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                for i in 0..<Self.count {
                    if a[i] == b[i] {
                        if common & (1 << UInt64(i)) != 0 { continue }
                        matches += 1
                    }
                    counted += 1
                }
            }
        }
        // Too few positions left to tell: the raw estimate stands.
        guard counted >= Self.minimumCounted else { return similarity }
        return Double(matches) / Double(counted) < Self.minimumDistinctSimilarity ? nil : similarity
    }

    /// One key per band: ads that share any key are candidates for the same template.
    public var bandKeys: [UInt64] {
        (0..<Self.bands).map { band in
            var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for row in 0..<Self.rows {
                key = Self.mix(key ^ UInt64(values[band * Self.rows + row]))
            }
            return key
        }
    }

    /// SplitMix64's finaliser: a full-avalanche 64-bit mix.
    @inline(__always)
    package static func mix(_ z: UInt64) -> UInt64 {
        var z = z &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fixed multiplier/addend pairs (SplitMix64 from a fixed seed), so signatures from any run, machine or
    /// version of the queue compare: changing them changes every stored signature.
    static let multipliers: [UInt64] = (0..<UInt64(count)).map { mix(0x5EED_0001 &+ $0 &* 2) | 1 }
    static let addends: [UInt64] = (0..<UInt64(count)).map { mix(0x5EED_0001 &+ $0 &* 2 &+ 1) }
}
