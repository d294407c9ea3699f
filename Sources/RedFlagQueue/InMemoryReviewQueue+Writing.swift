import Foundation
import RedFlagContract
import RedFlagCore

extension InMemoryReviewQueue {
    public func enqueue(_ submissions: [QueueSubmission], actor: String) async throws -> [EnqueueOutcome] {
        let actor = try QueueRules.validName(actor, what: "actor")
        let prepared = try submissions.map(PreparedSubmission.init)
        return try prepared.map { try enqueue($0, actor: actor) }
    }

    private func enqueue(_ s: PreparedSubmission, actor: String) throws -> EnqueueOutcome {
        if let id = idsBySHA256[s.sha256], var item = items[id] {
            // A repost: where it was posted counts whatever happens to the assessment (not once purged: what was
            // removed on request stays removed).
            var reposted = false
            if item.purgedAt == nil {
                reposted = recordPosting(id, s, at: RFC3339.milliseconds(now))
                fileTemplate(id, s)
            }
            let old = item.assessment
            let stored = StoredAssessment(
                status: item.status, purged: item.purgedAt != nil, score: old.score, category: old.category,
                familiesJSON: old.familiesJSON, evidenceJSON: old.evidenceJSON,
                contributionsJSON: old.contributionsJSON, entitiesJSON: old.entitiesJSON,
                featuresJSON: old.featuresJSON, text: old.text)
            switch DecisionStateMachine.enqueue(s, onto: stored) {
            case .leave: return .unchangedDecided(id: id)
            case .unchanged: return reposted ? .reposted(id: id) : .refreshed(id: id)
            case .refresh: break
            }
            // What the SQLite store rewrites: the assessment; the item keeps its identity, source and place.
            var assessment = s
            assessment.adID = old.adID
            assessment.url = old.url
            assessment.capturedAt = old.capturedAt
            assessment.location = s.location ?? old.location
            assessment.contentKind = old.contentKind
            assessment.rawContent = []
            item.assessment = assessment
            items[id] = item
            link(id, keys: s.keys)
            try append(AuditEventBuilder.refreshed(itemID: id, s, oldScore: old.score, actor: actor))
            return reposted ? .reposted(id: id) : .refreshed(id: id)
        }
        lastItemID += 1
        let id = lastItemID
        var assessment = s
        assessment.rawContent = []
        items[id] = StoredItem(
            id: id, assessment: assessment, raw: s.rawContent, rawBytes: s.rawContent.count, groupID: id,
            groupScore: s.score, enqueuedMilliseconds: RFC3339.milliseconds(now))
        idsBySHA256[s.sha256] = id
        groups[id] = [id]
        link(id, keys: s.keys)
        recordPosting(id, s, at: items[id]!.enqueuedMilliseconds)
        fileTemplate(id, s)
        try append(AuditEventBuilder.queued(itemID: id, s, actor: actor))
        return .queued(id: id)
    }

    /// Adds the item's keys and merges every group they touch into the oldest (lowest id); then every member
    /// carries the group's highest score. Groups only ever merge.
    private func link(_ id: Int64, keys: [LinkKey]) {
        guard var item = items[id] else { return }
        var touched: Set<Int64> = [item.groupID]
        for key in keys {
            for other in itemsByKey[key, default: []] where other != id {
                if let group = items[other]?.groupID { touched.insert(group) }
            }
            itemsByKey[key, default: []].insert(id)
            item.keys.insert(key)
        }
        items[id] = item
        let target = touched.min() ?? id
        for group in touched where group != target {
            for member in groups.removeValue(forKey: group) ?? [] {
                items[member]?.groupID = target
                groups[target, default: []].insert(member)
            }
        }
        let members = groups[target, default: []]
        let top = members.compactMap { items[$0]?.assessment.score }.max() ?? item.assessment.score
        for member in members { items[member]?.groupScore = top }
    }

    public func claimNext(reviewer: String, lease: Duration, excluding: Set<Int64>) async throws -> QueueItem? {
        let reviewer = try QueueRules.validName(reviewer, what: "reviewer")
        let leaseMilliseconds = try QueueRules.leaseMilliseconds(lease)
        let token = QueueRules.newClaimToken()
        let nowMilliseconds = max(RFC3339.milliseconds(now), 0)
        try expireLeases(nowMilliseconds: nowMilliseconds)
        let candidates = items.values.filter { $0.status == .pending && !excluding.contains($0.id) }
        guard var item = candidates.min(by: { $0.priorityKey < $1.priorityKey }) else { return nil }
        let expires = nowMilliseconds + leaseMilliseconds
        item.status = .claimed
        item.holder = reviewer
        item.token = token
        item.claimedMilliseconds = nowMilliseconds
        item.leaseExpiresMilliseconds = expires
        item.attempts += 1
        items[item.id] = item
        try append(
            AuditEventBuilder.claim(
                itemID: item.id, reviewer: reviewer, token: token, leaseMilliseconds: leaseMilliseconds,
                expiresMilliseconds: expires))
        return try queueItem(item)
    }

    /// Returns every item whose lease ran out to pending, one `expire` event each, earliest expiry first.
    private func expireLeases(nowMilliseconds: Int64) throws {
        let expired = items.values.filter {
            $0.status == .claimed && ($0.leaseExpiresMilliseconds ?? .max) <= nowMilliseconds
        }.sorted { ($0.leaseExpiresMilliseconds ?? 0, $0.id) < ($1.leaseExpiresMilliseconds ?? 0, $1.id) }
        for item in expired {
            guard let holder = item.holder, let token = item.token, let at = item.leaseExpiresMilliseconds else {
                throw StoredValueError("item \(item.id) is claimed without a claim")
            }
            returnToPending(item.id)
            try append(AuditEventBuilder.expire(itemID: item.id, holder: holder, token: token, expiredMilliseconds: at))
        }
    }

    private func returnToPending(_ id: Int64) {
        guard var item = items[id] else { return }
        item.status = .pending
        item.holder = nil
        item.token = nil
        item.claimedMilliseconds = nil
        item.leaseExpiresMilliseconds = nil
        item.decisionID = nil
        items[id] = item
    }

    public func release(id: Int64, reviewer: String, claimToken: String?) async throws {
        let reviewer = try QueueRules.validName(reviewer, what: "reviewer")
        let token = try DecisionStateMachine.release(
            itemID: id, claim: try stored(id).claimState, reviewer: reviewer, claimToken: claimToken)
        returnToPending(id)
        try append(AuditEventBuilder.release(itemID: id, reviewer: reviewer, token: token))
    }

    public func decide(
        id: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String?,
        referrals: ReferralDirectory?
    ) async throws -> DecideOutcome {
        let reviewer = try QueueRules.validName(reviewer, what: "reviewer")
        try QueueRules.checkSeverity(severity, itemID: id)
        let note = try QueueRules.validNote(note, required: false, maximumLength: configuration.maximumNoteLength)
        let now = self.now
        let item = try stored(id)
        let standing = try item.decisionID.flatMap { decisionRows[$0] }?.decision()
        let step = try DecisionStateMachine.decide(
            itemID: id, claim: item.claimState, standing: standing, verdict: verdict, severity: severity, note: note,
            reviewer: reviewer, claimToken: claimToken, nowMilliseconds: RFC3339.milliseconds(now))
        let token: String
        switch step {
        case .alreadyRecorded(let decision): return .alreadyRecorded(decision)
        case .record(let claimToken): token = claimToken
        }
        let referral =
            ReferralDirectory.needsReferral(verdict) ? try referrals?.recordedJSON(minor: item.assessment.minor) : nil
        // The row carries its event's number and time, and the event the row's hash: stamp, row, event.
        let stamp = head.stamp(at: now)
        let row = DecisionRow(
            id: lastDecisionID + 1, itemID: id, verdict: verdict.rawValue, severity: severity, note: note,
            reviewer: reviewer, claimToken: token, decidedAt: stamp.atText, decidedMilliseconds: stamp.milliseconds,
            auditSequence: stamp.sequence, referral: referral)
        let decision = try row.decision()
        try append(AuditEventBuilder.decide(row), at: stamp)
        lastDecisionID = row.id
        decisionRows[row.id] = row
        returnToPending(id)
        items[id]?.status = .decided
        items[id]?.decisionID = row.id
        refreshTemplatePriority(id)
        return .recorded(decision)
    }

    public func reopen(id: Int64, supervisor: String, note: String) async throws -> QueueItem {
        let supervisor = try QueueRules.validName(supervisor, what: "supervisor")
        let note = try QueueRules.requiredNote(note, maximumLength: configuration.maximumNoteLength)
        let decisionID = try DecisionStateMachine.reopen(itemID: id, claim: try stored(id).claimState)
        guard var row = decisionRows[decisionID] else {
            throw StoredValueError("item \(id)'s decision \(decisionID) is missing")
        }
        let stamp = head.stamp(at: now)
        row.reopenedAt = stamp.atText
        row.reopenedMilliseconds = stamp.milliseconds
        // The row now carries the reopened time: the event binds the row as it stands from here on.
        let event = try append(AuditEventBuilder.reopen(row, supervisor: supervisor, note: note), at: stamp)
        decisionRows[decisionID] = row
        returnToPending(id)
        refreshTemplatePriority(id)
        addNoteRecord(id, author: supervisor, text: "reopened: " + note, event: event)
        return try queueItem(try stored(id))
    }

    public func addNote(id: Int64, author: String, text: String) async throws -> Note {
        let author = try QueueRules.validName(author, what: "author")
        let text = try QueueRules.requiredNote(text, maximumLength: configuration.maximumNoteLength)
        _ = try stored(id)
        let event = try append(AuditEventBuilder.note(itemID: id, author: author, text: text))
        return addNoteRecord(id, author: author, text: text, event: event)
    }

    @discardableResult
    private func addNoteRecord(_ id: Int64, author: String, text: String, event: AuditEvent) -> Note {
        lastNoteID += 1
        let note = Note(
            id: lastNoteID, itemID: id, author: author, text: text,
            createdAt: RFC3339.date(milliseconds: event.atMilliseconds), auditSequence: event.sequence)
        notesByItem[id, default: []].append(note)
        return note
    }

    /// Removes an item's personal data on request, as ``SQLiteReviewQueue/purge(id:actor:reason:)`` does.
    public func purge(id: Int64, actor: String, reason: String) async throws {
        let actor = try QueueRules.validName(actor, what: "actor")
        let reason = try QueueRules.purgeReason(reason, maximumLength: configuration.maximumNoteLength)
        var item = try stored(id)
        try DecisionStateMachine.purge(itemID: id, status: item.status, purgedAt: item.purgedAt)
        let purgedAt = RFC3339.string(milliseconds: RFC3339.milliseconds(now))
        try append(AuditEventBuilder.purge(itemID: id, actor: actor, reason: reason))
        item.assessment.text = ""
        item.assessment.evidence = []
        item.assessment.evidenceJSON = "[]"
        item.assessment.entities.phones = []
        item.assessment.entities.emails = []
        item.assessment.entitiesJSON = JSONWriter.text { [entities = item.assessment.entities] in $0.entities(entities) }
        item.assessment.url = nil
        item.assessment.location = nil
        item.purgedAt = purgedAt
        item.raw = nil
        purgeTemplateAndPostings(id)
        for key in item.keys { itemsByKey[key]?.remove(id) }
        item.keys = []
        items[id] = item
    }
}
