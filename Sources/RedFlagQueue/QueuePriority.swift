import Foundation

/// The order reviewers get items in: one definition for every store and view.
///
/// 1. Items whose evidence points to a minor (``MinorEvidence``), whatever their score: a minor in a commercial sex
///    act is a trafficking victim by law, and the ad may be the only trace of them.
/// 2. How many other ads of the item's template cluster (``TemplateCluster``) reviewers confirmed or escalated:
///    the same text posted again after a case was confirmed is likely the same operation, so its copies are
///    reviewed next (``templateReason(size:confirmed:)`` says why).
/// 3. The item's linked group's highest score: ads sharing a phone or e-mail are reviewed together.
/// 4. The item's own score.
/// 5. Age: the item queued first.
/// 6. The id, so the order is total.
public enum QueuePriority {
    /// An item's place in the order: the six keys above. `a < b` when `a` comes first.
    public struct Key: Sendable, Hashable, Comparable {
        public var minor: Bool
        /// Other members of its template cluster with a standing confirmed or escalated decision.
        public var templateConfirmed: Int
        public var groupScore: Double
        public var score: Double
        /// When the item was queued, in milliseconds since 1970 (as stores keep it).
        public var enqueuedMilliseconds: Int64
        public var id: Int64

        public init(
            minor: Bool, templateConfirmed: Int = 0, groupScore: Double, score: Double, enqueuedMilliseconds: Int64,
            id: Int64
        ) {
            self.minor = minor
            self.templateConfirmed = templateConfirmed
            self.groupScore = groupScore
            self.score = score
            self.enqueuedMilliseconds = enqueuedMilliseconds
            self.id = id
        }

        public static func < (a: Key, b: Key) -> Bool {
            if a.minor != b.minor { return a.minor }
            if a.templateConfirmed != b.templateConfirmed { return a.templateConfirmed > b.templateConfirmed }
            if a.groupScore != b.groupScore { return a.groupScore > b.groupScore }
            if a.score != b.score { return a.score > b.score }
            if a.enqueuedMilliseconds != b.enqueuedMilliseconds {
                return a.enqueuedMilliseconds < b.enqueuedMilliseconds
            }
            return a.id < b.id
        }
    }

    /// The SQL `ORDER BY` terms over the `item` table's columns, each column prefixed with `alias` (`"i."`, or `""`).
    public static func sqlTerms(alias: String = "") -> String {
        "\(alias)minor DESC, \(alias)template_confirmed DESC, \(alias)group_score DESC, \(alias)score DESC, \(alias)enqueued_ms ASC, \(alias)id ASC"
    }

    /// Whether `a` comes before `b`: the same order as ``sqlTerms(alias:)``, for stores that sort in memory.
    public static func precedes(_ a: QueueItem, _ b: QueueItem) -> Bool {
        a.priorityKey < b.priorityKey
    }

    /// Why an item of a template cluster with confirmed members comes early, as reviewers read it: "same template
    /// as 12 ads, 3 confirmed". Nil when no other member is confirmed or escalated.
    public static func templateReason(size: Int, confirmed: Int) -> String? {
        guard confirmed > 0, size > 1 else { return nil }
        return "same template as \(size - 1) ad\(size == 2 ? "" : "s"), \(confirmed) confirmed"
    }
}

extension QueueItem {
    /// The item's place in the queue's order (``QueuePriority``).
    public var priorityKey: QueuePriority.Key {
        QueuePriority.Key(
            minor: minor, templateConfirmed: templateConfirmed, groupScore: groupScore, score: score,
            enqueuedMilliseconds: Int64((enqueuedAt.timeIntervalSince1970 * 1000).rounded()), id: id)
    }
}
