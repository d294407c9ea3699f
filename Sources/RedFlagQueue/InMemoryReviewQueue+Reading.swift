import Foundation

extension InMemoryReviewQueue {
    public func item(id: Int64) async throws -> QueueItem? {
        try items[id].map(queueItem)
    }

    public func linkedItems(of id: Int64) async throws -> [LinkedItem] {
        let item = try stored(id)
        var shared: [Int64: (phones: [String], emails: [String])] = [:]
        for key in item.keys.sorted(by: { ($0.value, $0.kind) < ($1.value, $1.kind) }) {
            for other in itemsByKey[key, default: []].sorted() where other != id {
                if key.kind == "phone" {
                    shared[other, default: ([], [])].phones.append(key.value)
                } else {
                    shared[other, default: ([], [])].emails.append(key.value)
                }
            }
        }
        let members = (groups[item.groupID] ?? []).filter { $0 != id }.compactMap { items[$0] }
        return try members.sorted { ($0.assessment.score, -$0.id) > ($1.assessment.score, -$1.id) }.map {
            LinkedItem(
                item: try queueItem($0), sharedPhones: shared[$0.id]?.phones ?? [],
                sharedEmails: shared[$0.id]?.emails ?? [])
        }
    }

    public func notes(of id: Int64) async throws -> [Note] {
        notesByItem[id] ?? []
    }

    public func decisions(of id: Int64) async throws -> [Decision] {
        try decisionList(of: id)
    }

    private func decisionList(of id: Int64) throws -> [Decision] {
        try decisionRows.values.filter { $0.itemID == id }.sorted { $0.id < $1.id }.map { try $0.decision() }
    }

    public func list(filter: QueueFilter) async throws -> [QueueItem] {
        let matching = matches(filter)
        return try Array(matching.prefix(filter.limit.map { max(0, $0) } ?? matching.count)).map(queueItem)
    }

    public func list(filter: QueueFilter, after cursor: QueueCursor?, limit: Int) async throws -> QueuePage {
        try QueuePage.checkLimit(limit)
        let after = matches(filter).filter { cursor == nil || cursor!.key < $0.priorityKey }
        return QueuePage(reading: try after.prefix(limit + 1).map(queueItem), limit: limit)
    }

    /// The items a filter selects, in priority order (``QueuePriority``).
    private func matches(_ filter: QueueFilter) -> [StoredItem] {
        let phone = filter.phone.map {
            String(String.UnicodeScalarView($0.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }))
        }
        return items.values.filter { item in
            switch filter.status {
            case nil: break
            case .pending?, .claimed?, .decided?:
                guard item.status.rawValue == filter.status!.rawValue else { return false }
            case .confirmed?, .dismissed?, .escalated?:
                guard item.status == .decided, let id = item.decisionID,
                    decisionRows[id]?.verdict == filter.status!.rawValue
                else { return false }
            }
            if let minimum = filter.minimumScore, !(item.assessment.score >= minimum) { return false }
            if let family = filter.family, !item.assessment.families.contains(family) { return false }
            if filter.minorsOnly && !item.assessment.minor { return false }
            if let phone, !item.keys.contains(LinkKey(kind: "phone", value: phone)) { return false }
            return true
        }.sorted { $0.priorityKey < $1.priorityKey }
    }

    public func stats() async throws -> QueueStats {
        let nowMilliseconds = RFC3339.milliseconds(now)
        var byStatus: [String: Int] = ["pending": 0, "claimed": 0, "expired": 0, "decided": 0]
        var byVerdict: [String: Int] = ["confirmed": 0, "dismissed": 0, "escalated": 0]
        var byFamily: [String: Int] = [:]
        var minors: [String: Int] = ["total": 0, "pending": 0, "claimed": 0, "decided": 0]
        var oldest: Int64?
        for item in items.values {
            let expired = item.status == .claimed && (item.leaseExpiresMilliseconds ?? .max) <= nowMilliseconds
            byStatus[expired ? "expired" : item.status.rawValue, default: 0] += 1
            if let id = item.decisionID, let verdict = decisionRows[id]?.verdict { byVerdict[verdict, default: 0] += 1 }
            for family in Set(item.assessment.families) { byFamily[family, default: 0] += 1 }
            if item.assessment.minor {
                minors[item.status.rawValue, default: 0] += 1
                minors["total", default: 0] += 1
            }
            if item.status == .pending { oldest = min(oldest ?? .max, item.enqueuedMilliseconds) }
        }
        return QueueStats(
            total: items.count, byStatus: byStatus, byVerdict: byVerdict, byFamily: byFamily, minors: minors,
            linkedGroups: groups.values.filter { $0.count > 1 }.count,
            oldestPendingAt: oldest.map(RFC3339.date(milliseconds:)),
            oldestPendingAgeSeconds: oldest.map { Double(max(0, nowMilliseconds - $0)) / 1000 },
            auditEvents: events.count)
    }

    public func labeledExamples() async throws -> [DecidedExample] {
        try items.values.filter { $0.status == .decided }.sorted { $0.id < $1.id }.compactMap { item in
            guard let id = item.decisionID, let decision = try decisionRows[id]?.decision() else { return nil }
            return DecidedExample(
                itemID: item.id, sha256: item.assessment.sha256, features: item.assessment.features,
                label: decision.verdict.label, verdict: decision.verdict, severity: decision.severity,
                category: item.assessment.category)
        }
    }

    public func auditEvents(itemID: Int64?, after: Int64?, limit: Int?) async throws -> [AuditEvent] {
        let selected = events.filter { event in
            (itemID == nil || event.itemID == itemID) && (after == nil || event.sequence > after!)
        }
        return Array(selected.prefix(limit.map { max(0, $0) } ?? selected.count))
    }

    /// The chain, the head and the decision rows through the checks every store shares (`AuditChainCheck`).
    public func verifyAudit() async throws -> AuditVerification {
        verification()
    }

    /// ``verifyAudit()`` without leaving the actor: an export appends its event and verifies in one step.
    private func verification() -> AuditVerification {
        var check = AuditChainCheck()
        for e in events {
            if let broken = check.add(
                sequence: e.sequence, atText: e.atText, atMilliseconds: e.atMilliseconds, actor: e.actor,
                action: e.action.rawValue, itemID: e.itemID, detail: e.detail, previousHash: e.previousHash,
                hash: e.hash)
            {
                return broken
            }
        }
        if let broken = check.checkHead(sequence: head.sequence, hash: head.hash, milliseconds: head.milliseconds) {
            return broken
        }
        for row in decisionRows.values.sorted(by: { $0.id < $1.id }) {
            if let finding = check.checkDecision(row) { return finding }
        }
        return check.leftoverDecision() ?? check.valid
    }

    public func exportBundle(status: StatusFilter, actor: String, redact: Bool, destination: String?) async throws
        -> ExportBundle
    {
        let actor = try QueueRules.validName(actor, what: "actor")
        let reads = try matches(QueueFilter(status: status)).sorted { $0.id < $1.id }.map { item in
            ExportBundleBuilder.Read(
                item: try queueItem(item), decisions: try decisionList(of: item.id), notes: notesByItem[item.id] ?? [],
                raw: item.raw, postings: postingsByItem[item.id] ?? [])
        }
        let builder = try ExportBundleBuilder(
            status: status, actor: actor, redact: redact, destination: destination, items: reads, store: name)
        // The export event binds the data files; the recorded head is the chain after it.
        let event = try append(builder.event)
        return builder.bundle(appended: event, verification: verification())
    }
}
