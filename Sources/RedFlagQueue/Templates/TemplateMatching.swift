package import RedFlagContract

/// A queued item a new ad may share a template with: found through a shared LSH band key.
package struct TemplateCandidate: Sendable, Hashable {
    package var itemID: Int64
    package var cluster: String
    package var signature: TemplateSignature

    package init(itemID: Int64, cluster: String, signature: TemplateSignature) {
        self.itemID = itemID
        self.cluster = cluster
        self.signature = signature
    }
}

/// Where a new item's template goes: its cluster, how close it came to the member it matched, and the band keys
/// under which it is indexed for later ads.
package struct TemplateAssignment: Sendable, Hashable {
    package var cluster: String
    /// The estimated Jaccard similarity to the member it matched; nil when it opened the cluster (or joined the one
    /// its sender named without a match in the queue).
    package var similarity: Double?
    /// Band keys to index the item under: empty for a near copy of a member already indexed, and for buckets full.
    package var indexedBands: [Int64]
}

/// How every store clusters ads by template, one definition for all of them: the same LSH banding and verification
/// as the scan's ``TemplateSignature`` clustering, over what the store keeps (a member table with each item's
/// cluster and signature, and a band table for lookup).
///
/// A store fetches the members indexed under the new ad's band keys (``bandKeys(_:)``), hands them here, and writes
/// back what ``assign(_:sha256:proposed:candidates:bucketCounts:threshold:)`` says. An ad joins the cluster of its
/// most similar indexed member; clusters are never merged and never follow phone or e-mail links, so one
/// borderline ad cannot chain two texts, nor can a shared number pull unrelated texts into one template.
///
/// Boilerplate is learnt as ads arrive: each minimum of the ad that opens a cluster is counted, and a minimum that
/// opened ``TemplateSignature/commonTemplates`` clusters is text unrelated ads share (a footer, a disclaimer, a
/// price list), so a match on it does not count (``TemplateSignature/similarity(to:atLeast:discounting:)``).
package enum TemplateMatching {
    /// Members kept per band key: later ads with that key are found through them, so a template posted a million
    /// times costs each new ad a bounded number of comparisons (the scan's clustering keeps the same number).
    package static let bucketCapacity = 32
    /// A member at least this close to the one it matched is not indexed: a thousand copies of one text cost one
    /// band row per band, not a thousand.
    package static let nearCopy = 0.9

    /// The signature's band keys as stored (SQLite and PostgreSQL integers are signed 64-bit).
    package static func bandKeys(_ signature: TemplateSignature) -> [Int64] {
        signature.bandKeys.map { Int64(bitPattern: $0) }
    }

    /// Decides the new ad's cluster.
    ///
    /// - Parameters:
    ///   - proposed: the cluster its sender put it in (a clustering scan matches against the queue and its own
    ///     batch, whose first copy may not have been flagged, so never queued), used when nothing in the queue
    ///     matches; else a new cluster named after this ad (``clusterID(ofFirst:)``).
    ///   - candidates: the members indexed under the ad's band keys.
    ///   - bucketCounts: how many members each of those band keys indexes now.
    ///   - common: the positions whose minimum is boilerplate (``commonMask(_:templates:)``), not counted.
    package static func assign(
        _ signature: TemplateSignature, sha256: String, proposed: String?, candidates: [TemplateCandidate],
        bucketCounts: [Int64: Int], threshold: Double, common: UInt64 = 0
    ) -> TemplateAssignment {
        var best: (candidate: TemplateCandidate, similarity: Double)?
        for candidate in candidates {
            if let similarity = signature.similarity(to: candidate.signature, atLeast: threshold, discounting: common),
                similarity > (best?.similarity ?? 0)
                    || (similarity == best?.similarity && candidate.itemID < best!.candidate.itemID)
            {
                best = (candidate, similarity)
            }
        }
        let keys = bandKeys(signature)
        let indexed =
            (best?.similarity ?? 0) >= nearCopy ? [] : keys.filter { bucketCounts[$0, default: 0] < bucketCapacity }
        let cluster = best?.candidate.cluster ?? proposed ?? clusterID(ofFirst: sha256)
        return TemplateAssignment(cluster: cluster, similarity: best?.similarity, indexedBands: indexed)
    }

    /// The signature's minimum keys as stored (``TemplateSignature/minimumKeys``; they fit a signed 64-bit integer).
    package static func minimumKeys(_ signature: TemplateSignature) -> [Int64] {
        signature.minimumKeys.map { Int64(bitPattern: $0) }
    }

    /// Bit i set when the signature's minimum at position i opened ``TemplateSignature/commonTemplates`` or more
    /// templates: boilerplate, whose matches do not count. `templates` holds the counts a store keeps by minimum key.
    package static func commonMask(_ signature: TemplateSignature, templates: [Int64: Int]) -> UInt64 {
        var mask: UInt64 = 0
        for (i, key) in minimumKeys(signature).enumerated()
        where templates[key, default: 0] >= TemplateSignature.commonTemplates {
            mask |= 1 << UInt64(i)
        }
        return mask
    }

    /// A cluster's id, from its first ad's content hash: `t` and 16 hex digits, as the scan names its templates.
    package static func clusterID(ofFirst sha256: String) -> String { "t" + sha256.prefix(16) }

    /// Whether `id` has the shape of a cluster id (`t` and 16 lower-case hex digits).
    package static func isClusterID(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        guard scalars.count == 17, scalars[0] == "t" else { return false }
        return scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// The signature as stored: its values, 4 bytes each, little-endian.
    package static func bytes(_ signature: TemplateSignature) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(TemplateSignature.count * 4)
        for value in signature.values {
            for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        return out
    }

    /// A stored signature; nil when the bytes are not one.
    package static func signature(_ bytes: [UInt8]) -> TemplateSignature? {
        guard bytes.count == TemplateSignature.count * 4 else { return nil }
        var values: [UInt32] = []
        values.reserveCapacity(TemplateSignature.count)
        for i in 0..<TemplateSignature.count {
            var value: UInt32 = 0
            for k in 0..<4 { value |= UInt32(bytes[i * 4 + k]) << (8 * k) }
            values.append(value)
        }
        // The shingle count is not stored: only the values take part in matching.
        return TemplateSignature(values: values, shingles: 0)
    }
}
