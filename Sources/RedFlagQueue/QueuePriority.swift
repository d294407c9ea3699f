/// The order reviewers get items in: one definition for every store and view.
///
/// 1. Items whose evidence points to a minor (``MinorEvidence``), whatever their score: a minor in a commercial sex
///    act is a trafficking victim by law, and the ad may be the only trace of them.
/// 2. The item's linked group's highest score: ads sharing a phone or e-mail are reviewed together.
/// 3. The item's own score.
/// 4. Age: the item queued first.
/// 5. The id, so the order is total.
public enum QueuePriority {
    /// The SQL `ORDER BY` terms over the `item` table's columns, each column prefixed with `alias` (`"i."`, or `""`).
    public static func sqlTerms(alias: String = "") -> String {
        "\(alias)minor DESC, \(alias)group_score DESC, \(alias)score DESC, \(alias)enqueued_ms ASC, \(alias)id ASC"
    }

    /// Whether `a` comes before `b`: the same order as ``sqlTerms(alias:)``, for stores that sort in memory.
    public static func precedes(_ a: QueueItem, _ b: QueueItem) -> Bool {
        if a.minor != b.minor { return a.minor }
        if a.groupScore != b.groupScore { return a.groupScore > b.groupScore }
        if a.score != b.score { return a.score > b.score }
        if a.enqueuedAt != b.enqueuedAt { return a.enqueuedAt < b.enqueuedAt }
        return a.id < b.id
    }
}
