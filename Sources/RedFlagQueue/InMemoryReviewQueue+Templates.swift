import Foundation
import RedFlagContract

/// Template clusters and postings in memory: the member table, the band index and each item's postings as
/// dictionaries, matched by the same rules as the database stores (``TemplateMatching``).
extension InMemoryReviewQueue {
    /// An item's place in a template cluster.
    struct TemplateMembership {
        var cluster: String
        var signature: TemplateSignature
    }

    /// Files a newly queued item (or a queued one that had no signature) in a template cluster.
    func fileTemplate(_ id: Int64, _ s: PreparedSubmission) {
        guard let signature = s.template, templateOf[id] == nil else { return }
        let keys = TemplateMatching.bandKeys(signature)
        var candidates: [TemplateCandidate] = []
        var seen: Set<Int64> = []
        var counts: [Int64: Int] = [:]
        for key in keys {
            let bucket = templateBands[key, default: []]
            counts[key] = bucket.count
            for other in bucket where seen.insert(other).inserted {
                if let member = templateOf[other] {
                    candidates.append(TemplateCandidate(itemID: other, cluster: member.cluster, signature: member.signature))
                }
            }
        }
        let minimumKeys = TemplateMatching.minimumKeys(signature)
        let assignment = TemplateMatching.assign(
            signature, sha256: s.sha256, proposed: s.templateCluster, candidates: candidates, bucketCounts: counts,
            threshold: configuration.templateSimilarity,
            common: TemplateMatching.commonMask(signature, templates: commonMinima))
        if clusterMembers[assignment.cluster] == nil {
            // It opens a cluster: its minima count towards boilerplate.
            for key in minimumKeys { commonMinima[key, default: 0] += 1 }
        }
        templateOf[id] = TemplateMembership(cluster: assignment.cluster, signature: signature)
        clusterMembers[assignment.cluster, default: []].append(id)
        for key in assignment.indexedBands { templateBands[key, default: []].append(id) }
        refreshTemplatePriority(id)
    }

    /// Whether the item's standing decision is confirmed or escalated.
    private func confirms(_ id: Int64) -> Bool {
        guard let decision = items[id]?.decisionID.flatMap({ decisionRows[$0] }) else { return false }
        return decision.verdict == Verdict.confirmed.rawValue || decision.verdict == Verdict.escalated.rawValue
    }

    /// Recounts the confirmed and escalated members of the item's cluster and gives each member the count of the
    /// others, which ranks them (``QueuePriority``): after a decision, a reopening, or a new member.
    func refreshTemplatePriority(_ id: Int64) {
        guard let cluster = templateOf[id]?.cluster, let members = clusterMembers[cluster] else { return }
        let confirmed = members.count(where: confirms)
        for member in members {
            let others = confirmed - (confirms(member) ? 1 : 0)  // read before the write begins
            items[member]?.templateConfirmed = others
        }
    }

    /// Records where the content was posted, once per ad id and URL; whether this posting was new.
    @discardableResult
    func recordPosting(_ id: Int64, _ s: PreparedSubmission, at milliseconds: Int64) -> Bool {
        let posting = Posting(
            adID: s.adID, url: s.url, capturedAt: s.capturedAt, location: s.location,
            seenAt: RFC3339.date(milliseconds: milliseconds))
        var list = postingsByItem[id, default: []]
        guard !list.contains(where: { $0.adID == posting.adID && $0.url == posting.url }) else { return false }
        list.append(posting)
        postingsByItem[id] = list
        return true
    }

    /// Drops the URLs and places of a purged item's postings, and its band keys (its text is gone).
    func purgeTemplateAndPostings(_ id: Int64) {
        postingsByItem[id] = postingsByItem[id]?.map {
            Posting(adID: $0.adID, url: nil, capturedAt: $0.capturedAt, location: nil, seenAt: $0.seenAt)
        }
        for key in templateBands.keys { templateBands[key]?.removeAll { $0 == id } }
    }

    public func templateMembers(of id: Int64) async throws -> [QueueItem] {
        _ = try stored(id)
        guard let cluster = templateOf[id]?.cluster else { return [] }
        return TemplateCluster(
            id: cluster, members: try clusterMembers[cluster, default: []].filter { $0 != id }.map { try queueItem(try stored($0)) }
        ).members
    }

    public func templateClusters(minimumSize: Int) async throws -> [TemplateCluster] {
        try clusterMembers.filter { $0.value.count >= max(minimumSize, 1) }.map { cluster, ids in
            TemplateCluster(id: cluster, members: try ids.map { try queueItem(try stored($0)) })
        }.sorted { ($0.size, $1.id) > ($1.size, $0.id) }
    }

    public func templateIndex() async throws -> [TemplateIndexEntry] {
        Set(templateBands.values.joined()).sorted().compactMap { id in
            templateOf[id].map { TemplateIndexEntry(cluster: $0.cluster, signature: $0.signature) }
        }
    }

    public func postings(of id: Int64) async throws -> [Posting] {
        _ = try stored(id)
        return postingsByItem[id] ?? []
    }
}
