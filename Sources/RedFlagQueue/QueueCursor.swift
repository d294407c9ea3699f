/// Where a page of ``ReviewQueue/list(filter:after:limit:)`` ended: the priority key (``QueuePriority/Key``) of its
/// last item. The next page starts after that key (keyset pagination), so a listing costs the same however deep it
/// goes, and items queued, claimed or decided meanwhile never make a page fail.
///
/// Clients keep it as ``token``, an opaque string (what an HTTP API hands out), and give it back with
/// ``init(token:)``. An item whose priority changes between two pages (its group's top score rose, it was reopened)
/// may appear again or be missed; items whose keys do not change are each listed exactly once.
public struct QueueCursor: Sendable, Hashable {
    public var key: QueuePriority.Key

    public init(after key: QueuePriority.Key) { self.key = key }

    /// `q2.<minor>.<template confirmed>.<group score>.<score>.<enqueued ms>.<id>`, the scores as their IEEE 754
    /// bits in hex so a cursor names the exact key it came from.
    public var token: String {
        [
            "q2", key.minor ? "1" : "0", String(key.templateConfirmed), String(key.groupScore.bitPattern, radix: 16),
            String(key.score.bitPattern, radix: 16), String(key.enqueuedMilliseconds), String(key.id),
        ].joined(separator: ".")
    }

    /// Reads a ``token``; nil for anything else. A `q1` token (before template priority) reads as no confirmed
    /// template members.
    public init?(token: String) {
        var parts = token.split(separator: ".", omittingEmptySubsequences: false)
        var templateConfirmed = 0
        if parts.count == 7, parts[0] == "q2", let count = Int(parts[2]), count >= 0 {
            templateConfirmed = count
            parts.remove(at: 2)
            parts[0] = "q1"
        }
        guard parts.count == 6, parts[0] == "q1", parts[1] == "0" || parts[1] == "1",
            let groupBits = UInt64(parts[2], radix: 16), let scoreBits = UInt64(parts[3], radix: 16),
            let enqueued = Int64(parts[4]), let id = Int64(parts[5])
        else { return nil }
        let groupScore = Double(bitPattern: groupBits)
        let score = Double(bitPattern: scoreBits)
        guard groupScore.isFinite, score.isFinite else { return nil }
        key = QueuePriority.Key(
            minor: parts[1] == "1", templateConfirmed: templateConfirmed, groupScore: groupScore, score: score, enqueuedMilliseconds: enqueued, id: id)
    }
}

/// One page of a listing, in priority order.
public struct QueuePage: Sendable, Hashable {
    public var items: [QueueItem]
    /// Where the next page starts; nil when this page holds the last matching item.
    public var next: QueueCursor?

    public init(items: [QueueItem], next: QueueCursor?) {
        self.items = items
        self.next = next
    }

    /// The most items one page may hold.
    public static let maximumLimit = 1000

    /// A page from up to `limit + 1` items read in priority order: the extra one only says that more follow.
    package init(reading items: [QueueItem], limit: Int) {
        let page = Array(items.prefix(limit))
        self.init(items: page, next: items.count > limit ? page.last.map { QueueCursor(after: $0.priorityKey) } : nil)
    }

    /// A page's size: 1 to ``maximumLimit`` items.
    package static func checkLimit(_ limit: Int) throws {
        guard (1...maximumLimit).contains(limit) else {
            throw QueueError(.invalidInput, "a page holds 1 to \(maximumLimit) items, not \(limit)")
        }
    }
}
