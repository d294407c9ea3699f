public import RedFlagContract

/// Groups the ads of one scan by template as they arrive: LSH banding over ``TemplateSignature``s finds candidates,
/// and a candidate joins when its estimated Jaccard similarity reaches ``threshold``.
///
/// Streaming, because a scan prints each line as soon as it can: an ad's `cluster` is the id of the template it
/// repeats, known once an earlier ad with that template has been seen. So the first ad of a template prints
/// `null` and every later copy prints the id, which is made from the first copy's content hash (`t` and 16 hex
/// digits) and so is the same in every scan that meets that copy first. The summary counts the templates at the
/// end. An ad joins the template of its most similar earlier ad; templates are never merged afterwards, so one
/// borderline ad cannot chain two different texts together.
///
/// A scan that feeds a review queue first ``seed(_:cluster:)``s it with the queue's indexed signatures
/// (``ReviewQueue/templateIndex()`` in RedFlagQueue), so an ad repeating a queued template prints the queue's id for
/// it, and a template the batch opens carries the id the queue will give it.
///
/// Boilerplate is learnt as ads arrive, as the queue learns it (``TemplateSignature/commonTemplates``): each minimum
/// of an ad that opens a template is counted, and matches on a minimum that opened several templates (a site's
/// footer, a disclaimer, a price list) do not count. The counts live in a fixed table of small counters (a
/// count-min sketch, 2 × 32 MiB), so memory stays bounded however many templates a scan opens; a collision can
/// only make a minimum look common early, which discounts one position.
///
/// Not thread-safe: the thread that delivers results in input order owns it.
public final class TemplateClusters {
    /// The default similarity for "same template" (``TemplateSignature/defaultSimilarity``), which the queue's
    /// stores use too.
    public static let defaultThreshold = TemplateSignature.defaultSimilarity

    public let threshold: Double
    /// Ads kept per LSH bucket.
    static let bucketCapacity = 32
    private var signatures: [TemplateSignature] = []
    /// For each signature, the id of its template.
    private var templateOf: [String] = []
    private var buckets: [UInt64: [Int32]] = [:]
    /// Ads of this scan in each template, by template id (a seeded template counts only the scan's ads).
    public private(set) var sizes: [String: Int] = [:]
    /// Templates seeded from a queue.
    private var seeded: Set<String> = []
    /// Minima counts of the ads that opened templates: two tables of saturating counters, read as the smaller.
    private var openers: [UInt8] = []
    static let sketchBits = 25

    public init(threshold: Double = TemplateClusters.defaultThreshold) {
        precondition(threshold > 0 && threshold <= 1, "a similarity threshold is in (0, 1]")
        self.threshold = threshold
    }

    /// Adds a signature a queue indexes under `cluster`: later ads that repeat it get that id. Not an ad of this
    /// scan: it counts in no template's size.
    public func seed(_ signature: TemplateSignature, cluster: String) {
        let index = Int32(signatures.count)
        signatures.append(signature)
        templateOf.append(cluster)
        // A queue lists a cluster's first ad first: its minima count as that template's opener.
        if seeded.insert(cluster).inserted { countOpener(signature) }
        for key in signature.bandKeys where buckets[key, default: []].count < Self.bucketCapacity {
            buckets[key, default: []].append(index)
        }
    }

    /// Adds an ad and returns the id of the template it repeats, or nil when it is the first of its text (or has no
    /// signature: too short to tell).
    public func add(_ signature: TemplateSignature?, sha256: String) -> String? {
        guard let signature else { return nil }
        let index = Int32(signatures.count)
        let keys = signature.bandKeys
        var best: (index: Int32, similarity: Double)?
        var seen: [Int32] = []  // a handful of candidates: a linear scan beats hashing them
        var common: UInt64?
        for key in keys {
            guard let bucket = buckets[key] else { continue }
            for candidate in bucket where !seen.contains(candidate) {
                seen.append(candidate)
                if common == nil { common = commonMask(signature) }
                if let similarity = signature.similarity(
                    to: signatures[Int(candidate)], atLeast: threshold, discounting: common!),
                    similarity > (best?.similarity ?? 0)
                {
                    best = (candidate, similarity)
                }
            }
        }
        signatures.append(signature)
        let template = best.map { templateOf[Int($0.index)] } ?? Self.id(ofFirst: sha256)
        templateOf.append(template)
        sizes[template, default: 0] += 1
        if best == nil { countOpener(signature) }
        // Only a template's first ad and ads that are not near it are indexed: a thousand copies of one text cost
        // one bucket entry per band, not a thousand.
        // A bucket keeps its first ``bucketCapacity`` ads: later ones that share its key are found through them, and
        // a template posted a million times costs each new ad a bounded number of comparisons.
        if best == nil || best!.similarity < 0.9 {
            for key in keys where buckets[key, default: []].count < Self.bucketCapacity {
                buckets[key, default: []].append(index)
            }
        }
        return best == nil ? nil : template
    }

    /// The two counter slots of a minimum key.
    @inline(__always)
    private static func slots(_ key: UInt64) -> (Int, Int) {
        let mask = (1 << sketchBits) - 1
        let h = TemplateSignature.mix(key)
        return (Int(truncatingIfNeeded: h) & mask, (1 << sketchBits) + (Int(truncatingIfNeeded: h >> 32) & mask))
    }

    private func countOpener(_ signature: TemplateSignature) {
        if openers.isEmpty { openers = [UInt8](repeating: 0, count: 2 << Self.sketchBits) }
        for key in signature.minimumKeys {
            let (a, b) = Self.slots(key)
            if openers[a] < .max { openers[a] += 1 }
            if openers[b] < .max { openers[b] += 1 }
        }
    }

    /// Bit i set when the signature's minimum at position i opened several templates (boilerplate).
    private func commonMask(_ signature: TemplateSignature) -> UInt64 {
        guard !openers.isEmpty else { return 0 }
        var mask: UInt64 = 0
        for (i, key) in signature.minimumKeys.enumerated() {
            let (a, b) = Self.slots(key)
            if Int(min(openers[a], openers[b])) >= TemplateSignature.commonTemplates { mask |= 1 << UInt64(i) }
        }
        return mask
    }

    /// Templates that more than one ad of this scan repeats, or that one ad repeats from the queue.
    public var repeatedTemplates: Int { sizes.count { $0.value > 1 || seeded.contains($0.key) } }
    /// Ads of this scan in repeated templates.
    public var adsInRepeatedTemplates: Int {
        sizes.filter { $0.value > 1 || seeded.contains($0.key) }.values.reduce(0, +)
    }
    /// Ads in the largest template.
    public var largestTemplate: Int { sizes.values.max() ?? 0 }

    /// A template's id, from its first ad's content hash.
    public static func id(ofFirst sha256: String) -> String { "t" + sha256.prefix(16) }
}
