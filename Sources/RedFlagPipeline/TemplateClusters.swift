public import RedFlagContract

/// Groups the ads of one scan by template as they arrive: LSH banding over ``TemplateSignature``s finds candidates,
/// and a candidate joins when its estimated Jaccard similarity reaches ``threshold``.
///
/// Streaming, because a scan prints each line as soon as it can: an ad's `cluster` is the id of its template, made
/// from the template's first ad's content hash (`t` and 16 hex digits), so the same in every scan that meets that
/// ad first. The first ad prints the id too: grouping a scan's lines by `cluster` then gives every template whole,
/// first ad included, which a reader could not do if the first printed `null` (a group of four would lose half its
/// pairs). An ad alone in its template has an id no other line has. The summary counts the templates at the end.
/// An ad joins the template of its most similar earlier ad; templates are never merged afterwards, so one
/// borderline ad cannot chain two different texts together.
///
/// A scan that feeds a review queue first ``seed(_:cluster:)``s it with the queue's indexed signatures
/// (``ReviewQueue/templateIndex()`` in RedFlagQueue), so an ad repeating a queued template prints the queue's id for
/// it, and a template the batch opens carries the id the queue will give it.
///
/// Boilerplate is learnt as ads arrive, as the queue learns it (``TemplateSignature/commonTemplates``): each minimum
/// of an ad that opens a template is counted, and matches on a minimum that opened several templates (a site's
/// footer, a disclaimer, a price list) do not count. The counts live in a table of 2-bit counters (a count-min
/// sketch, two tables, at least four counters per minimum counted) that grows with the templates opened, up to
/// 2 × 2²⁷ counters (64 MiB), so a scan of a few ads pays for a few kilobytes and memory stays bounded however many
/// templates a scan opens; a collision can only make a minimum look common early, which discounts one position
/// (at the largest size, with a million templates, about one position in a thousand).
///
/// Memory is laid out flat, so a scan of a million ads clusters in a few hundred megabytes (Benchmarks/clusters.md):
/// the values of the ads kept for matching in one array, each template's id once, and the LSH buckets as one
/// open-addressing table of (band key fingerprint, ad) slots, 8 bytes a slot. The values stay whole (256 bytes an
/// ad): the boilerplate counts are keyed by them, and 16 bits of a value would make every minimum common among a
/// few hundred thousand templates.
///
/// Not thread-safe: the thread that delivers results in input order owns it.
public final class TemplateClusters {
    /// The default similarity for "same template" (``TemplateSignature/defaultSimilarity``), which the queue's
    /// stores use too.
    public static let defaultThreshold = TemplateSignature.defaultSimilarity

    public let threshold: Double
    /// Ads kept per LSH bucket.
    static let bucketCapacity = 32
    /// Positions that must agree to reach ``threshold``.
    private let minimumMatches: Int

    /// Values of the ads kept for matching (openers, seeds, ads not near a copy), ``TemplateSignature/count`` each.
    private var values: [UInt32] = []
    /// For each ad kept, its template's index.
    private var templateOfMember: [Int32] = []
    /// Templates: id, ads of this scan in it (a seeded template counts only the scan's ads), whether seeded.
    private var templateIDs: [String] = []
    private var templateSizes: [Int32] = []
    private var templateSeeded: [Bool] = []
    /// Seeded templates by id: a queue lists several members of one cluster.
    private var seededTemplates: [String: Int32] = [:]
    /// The members that opened a template: what the boilerplate counts are rebuilt from when their table grows.
    private var openerMembers: [Int32] = []

    /// LSH buckets: slots of (fingerprint of the band key, member index + 1), linear probing; a key's members are
    /// the slots with its fingerprint in its probe run. 0 is an empty slot.
    private var bucketSlots: [UInt64] = []
    private var bucketBits = 0
    private var bucketEntries = 0

    /// Minima counts of the ads that opened templates: two tables of saturating 2-bit counters (four to a byte),
    /// read as the smaller.
    private var openers: [UInt8] = []
    private var sketchBits = 0
    /// The largest sketch: 2 × 2²⁷ counters.
    static let maximumSketchBits = 27

    public init(threshold: Double = TemplateClusters.defaultThreshold) {
        precondition(threshold > 0 && threshold <= 1, "a similarity threshold is in (0, 1]")
        self.threshold = threshold
        self.minimumMatches = Int((threshold * Double(TemplateSignature.count)).rounded(.up))
    }

    /// Adds a signature a queue indexes under `cluster`: later ads that repeat it get that id. Not an ad of this
    /// scan: it counts in no template's size.
    public func seed(_ signature: TemplateSignature, cluster: String) {
        let template: Int32
        var opens = false
        if let known = seededTemplates[cluster] {
            template = known
        } else {
            template = Int32(templateIDs.count)
            templateIDs.append(cluster)
            templateSizes.append(0)
            templateSeeded.append(true)
            seededTemplates[cluster] = template
            opens = true
        }
        let member = keep(signature, template: template)
        // A queue lists a cluster's first ad first: its minima count as that template's opener.
        if opens { countOpener(member) }
        let keys = signature.bandKeys
        for key in keys { insert(key, member: member) }
    }

    /// Adds an ad and returns the id of its template: the template of its most similar earlier ad, or a new one it
    /// opens, named after it. Nil when it has no signature (too short to tell).
    public func add(_ signature: TemplateSignature?, sha256: String) -> String? {
        guard let signature else { return nil }
        let keys = signature.bandKeys
        var best: (member: Int32, similarity: Double)?
        var seen: [Int32] = []  // a handful of candidates: a linear scan beats hashing them
        var passing: [(member: Int32, mask: UInt64)] = []
        signature.values.withUnsafeBufferPointer { ad in
            for key in keys {
                forEachMember(of: key) { candidate in
                    if seen.contains(candidate) { return }
                    seen.append(candidate)
                    let mask = agreement(ad, candidate)
                    if mask.nonzeroBitCount >= minimumMatches { passing.append((candidate, mask)) }
                }
            }
            guard !passing.isEmpty else { return }
            // Boilerplate: minima that opened several templates.
            let common = commonMask(ad)
            for (candidate, mask) in passing {
                if common != 0 && Self.agreesOnlyOnBoilerplate(mask, common: common) { continue }
                let similarity = Double(mask.nonzeroBitCount) / Double(TemplateSignature.count)
                if similarity > (best?.similarity ?? 0) { best = (candidate, similarity) }
            }
        }
        let template: Int32
        if let best {
            template = templateOfMember[Int(best.member)]
        } else {
            template = Int32(templateIDs.count)
            templateIDs.append(Self.id(ofFirst: sha256))
            templateSizes.append(0)
            templateSeeded.append(false)
        }
        templateSizes[Int(template)] += 1
        // Only a template's first ad and ads that are not near it are kept and indexed: a thousand copies of one
        // text cost one bucket entry per band, not a thousand.
        // A bucket keeps its first ``bucketCapacity`` ads: later ones that share its key are found through them, and
        // a template posted a million times costs each new ad a bounded number of comparisons.
        if best == nil || best!.similarity < 0.9 {
            let member = keep(signature, template: template)
            if best == nil { countOpener(member) }
            for key in keys { insert(key, member: member) }
        }
        return templateIDs[Int(template)]
    }

    private func keep(_ signature: TemplateSignature, template: Int32) -> Int32 {
        let member = Int32(templateOfMember.count)
        values.append(contentsOf: signature.values)
        templateOfMember.append(template)
        return member
    }

    /// ``TemplateSignature/similarity(to:atLeast:discounting:)``'s veto on an agreement mask: whether, setting
    /// aside the positions in `common` where the two agree, under ``TemplateSignature/minimumDistinctSimilarity``
    /// of the other positions agree (with fewer than ``TemplateSignature/minimumCounted`` left, the match stands).
    @inline(__always)
    static func agreesOnlyOnBoilerplate(_ agreement: UInt64, common: UInt64) -> Bool {
        let discounted = (agreement & common).nonzeroBitCount
        let counted = TemplateSignature.count - discounted
        guard counted >= TemplateSignature.minimumCounted else { return false }
        return Double(agreement.nonzeroBitCount - discounted) / Double(counted)
            < TemplateSignature.minimumDistinctSimilarity
    }

    /// Bit i set where the ad and a kept member agree.
    @inline(__always)
    private func agreement(_ ad: UnsafeBufferPointer<UInt32>, _ member: Int32) -> UInt64 {
        values.withUnsafeBufferPointer { all in
            let base = Int(member) * TemplateSignature.count
            var mask: UInt64 = 0
            for i in 0..<TemplateSignature.count where ad[i] == all[base + i] { mask |= 1 << UInt64(i) }
            return mask
        }
    }

    // MARK: LSH buckets

    /// A slot: the key's fingerprint (its upper 32 bits, the lowest of them set so no slot is 0) and the member + 1.
    /// The home slot is the fingerprint's top bits, so the table can grow from what it holds.
    @inline(__always)
    private static func fingerprint(_ key: UInt64) -> UInt64 { (key >> 32) | 1 }

    @inline(__always)
    private func home(_ fingerprint: UInt64) -> Int { Int(truncatingIfNeeded: fingerprint >> UInt64(32 - bucketBits)) }

    /// Calls `body` with each member indexed under `key` (a key with the same fingerprint adds a candidate, which
    /// verification then turns down).
    @inline(__always)
    private func forEachMember(of key: UInt64, _ body: (Int32) -> Void) {
        guard !bucketSlots.isEmpty else { return }
        let print = Self.fingerprint(key)
        var slot = home(print)
        var members: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        var found = 0
        var more: [Int32] = []  // past the fourth: allocated only for a crowded key
        // Collected first, then handed over, so `body` runs outside the table's access.
        bucketSlots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            while true {
                let entry = slots[slot]
                if entry == 0 { return }
                if entry >> 32 == print {
                    let member = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    switch found {
                    case 0: members.0 = member
                    case 1: members.1 = member
                    case 2: members.2 = member
                    case 3: members.3 = member
                    default: more.append(member)
                    }
                    found += 1
                }
                slot = (slot + 1) & mask
            }
        }
        if found > 0 { body(members.0) }
        if found > 1 { body(members.1) }
        if found > 2 { body(members.2) }
        if found > 3 { body(members.3) }
        for member in more { body(member) }
    }

    /// Indexes `member` under `key`, unless the key already has ``bucketCapacity`` members.
    private func insert(_ key: UInt64, member: Int32) {
        if (bucketEntries + 1) * 4 > bucketSlots.count * 3 { growBuckets() }
        let mask = bucketSlots.count - 1
        let print = Self.fingerprint(key)
        var slot = home(print)
        var count = 0
        while bucketSlots[slot] != 0 {
            if bucketSlots[slot] >> 32 == print {
                count += 1
                if count >= Self.bucketCapacity { return }
            }
            slot = (slot + 1) & mask
        }
        bucketSlots[slot] = print << 32 | UInt64(UInt32(member + 1))
        bucketEntries += 1
    }

    /// Doubles the table (it starts at 4,096 slots), keeping it at most three quarters full.
    private func growBuckets() {
        let old = bucketSlots
        bucketBits = bucketSlots.isEmpty ? 12 : bucketBits + 1
        precondition(bucketBits <= 31, "LSH buckets are full")
        bucketSlots = [UInt64](repeating: 0, count: 1 << bucketBits)
        let mask = bucketSlots.count - 1
        // In old slot order, so the members of one key keep their order.
        for entry in old where entry != 0 {
            var slot = home(entry >> 32)
            while bucketSlots[slot] != 0 { slot = (slot + 1) & mask }
            bucketSlots[slot] = entry
        }
    }

    // MARK: Boilerplate

    /// The two counter slots of a minimum key.
    @inline(__always)
    private static func slots(_ key: UInt64, bits: Int) -> (Int, Int) {
        let mask = (1 << bits) - 1
        let h = TemplateSignature.mix(key)
        return (Int(truncatingIfNeeded: h) & mask, (1 << bits) + (Int(truncatingIfNeeded: h >> 32) & mask))
    }

    @inline(__always)
    private static func counter(_ counters: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8 {
        (counters[index >> 2] >> UInt8((index & 3) * 2)) & 3
    }

    /// Adds one to a counter, saturating at 3 (2 is all a count needs to tell).
    @inline(__always)
    private static func increment(_ counters: UnsafeMutableBufferPointer<UInt8>, _ index: Int) {
        let shift = UInt8((index & 3) * 2)
        if (counters[index >> 2] >> shift) & 3 < 3 { counters[index >> 2] &+= 1 << shift }
    }

    private func countOpener(_ member: Int32) {
        openerMembers.append(member)
        // Each table holds about four counters per minimum counted, up to the largest size.
        let wanted = min(Self.maximumSketchBits, max(12, (openerMembers.count * TemplateSignature.count * 4).bitWidthNeeded))
        if wanted > sketchBits {
            sketchBits = wanted
            openers = [UInt8](repeating: 0, count: (2 << sketchBits) / 4)
            for opener in openerMembers { count(opener) }
        } else {
            count(member)
        }
    }

    private func count(_ member: Int32) {
        let base = Int(member) * TemplateSignature.count
        let bits = sketchBits
        // Through buffer pointers: each access to a class's array property is an exclusivity check.
        values.withUnsafeBufferPointer { values in
            openers.withUnsafeMutableBufferPointer { openers in
                for i in 0..<TemplateSignature.count {
                    let (a, b) = Self.slots(UInt64(i) << 32 | UInt64(values[base + i]), bits: bits)
                    Self.increment(openers, a)
                    Self.increment(openers, b)
                }
            }
        }
    }

    /// Bit i set when the ad's minimum at position i opened several templates (boilerplate).
    private func commonMask(_ ad: UnsafeBufferPointer<UInt32>) -> UInt64 {
        guard !openers.isEmpty else { return 0 }
        let bits = sketchBits
        return openers.withUnsafeBufferPointer { openers in
            var mask: UInt64 = 0
            for i in 0..<TemplateSignature.count {
                let (a, b) = Self.slots(UInt64(i) << 32 | UInt64(ad[i]), bits: bits)
                if Int(min(Self.counter(openers, a), Self.counter(openers, b))) >= TemplateSignature.commonTemplates {
                    mask |= 1 << UInt64(i)
                }
            }
            return mask
        }
    }

    // MARK: Summary

    /// Ads of this scan in each template, by template id (a seeded template counts only the scan's ads; seeded
    /// templates no ad of the scan repeats are left out).
    public var sizes: [String: Int] {
        var sizes: [String: Int] = [:]
        for (k, id) in templateIDs.enumerated() where templateSizes[k] > 0 { sizes[id] = Int(templateSizes[k]) }
        return sizes
    }
    /// Templates that more than one ad of this scan repeats, or that one ad repeats from the queue.
    public var repeatedTemplates: Int {
        templateSizes.indices.count { templateSizes[$0] > 1 || (templateSeeded[$0] && templateSizes[$0] > 0) }
    }
    /// Ads of this scan in repeated templates.
    public var adsInRepeatedTemplates: Int {
        templateSizes.indices.reduce(0) {
            $0 + (templateSizes[$1] > 1 || (templateSeeded[$1] && templateSizes[$1] > 0) ? Int(templateSizes[$1]) : 0)
        }
    }
    /// Ads in the largest template.
    public var largestTemplate: Int { Int(templateSizes.max() ?? 0) }
    /// Ads kept for matching (not near copies of another), and the bytes the clustering holds: for benchmarks.
    public var keptAds: Int { templateOfMember.count }
    public var heldBytes: Int {
        values.capacity * 4 + templateOfMember.capacity * 4 + bucketSlots.capacity * 8 + openers.capacity
            + openerMembers.capacity * 4 + templateSizes.capacity * 4 + templateIDs.capacity * 40
    }

    /// A template's id, from its first ad's content hash.
    public static func id(ofFirst sha256: String) -> String { "t" + sha256.prefix(16) }
}

extension Int {
    /// Bits needed to write this non-negative number.
    fileprivate var bitWidthNeeded: Int { Int.bitWidth - leadingZeroBitCount }
}
