/// Which items a list or an export covers: a status, or one verdict among decided items.
public enum StatusFilter: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, claimed, decided, confirmed, dismissed, escalated
}

/// Selects items for ``ReviewQueue/list(filter:)``. Results come in priority order.
public struct QueueFilter: Sendable, Hashable {
    public var status: StatusFilter?
    public var minimumScore: Double?
    /// An indicator family that must have fired.
    public var family: String?
    /// Digits of a phone the ad must carry (non-digits are ignored).
    public var phone: String?
    /// Only items whose evidence points to a minor (``MinorEvidence``).
    public var minorsOnly: Bool
    public var limit: Int?

    public init(
        status: StatusFilter? = nil, minimumScore: Double? = nil, family: String? = nil, phone: String? = nil,
        minorsOnly: Bool = false, limit: Int? = nil
    ) {
        self.status = status
        self.minimumScore = minimumScore
        self.family = family
        self.phone = phone
        self.minorsOnly = minorsOnly
        self.limit = limit
    }
}
