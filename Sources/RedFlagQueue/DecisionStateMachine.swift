/// Where an item stands as far as claims and decisions go: what every transition reads.
package struct ClaimState: Sendable, Hashable {
    package var status: ItemStatus
    package var holder: String?
    package var token: String?
    package var leaseExpiresMilliseconds: Int64?
    /// The standing decision's id, when decided.
    package var decisionID: Int64?

    package init(
        status: ItemStatus, holder: String? = nil, token: String? = nil, leaseExpiresMilliseconds: Int64? = nil,
        decisionID: Int64? = nil
    ) {
        self.status = status
        self.holder = holder
        self.token = token
        self.leaseExpiresMilliseconds = leaseExpiresMilliseconds
        self.decisionID = decisionID
    }
}

/// The item life cycle, `pending` → `claimed` (a lease) → `decided`, and back by release, expiry or reopen: which
/// transition is allowed, for whom, and with which message it is refused. Pure: a store reads the item's
/// ``ClaimState`` in its write transaction, asks here, and writes what the answer says, so every store fences stale
/// claimers and answers retries the same way.
package enum DecisionStateMachine {
    /// What a decide request comes to.
    package enum DecideStep: Sendable, Hashable {
        /// Write the decision under the current claim, whose token is given.
        case record(claimToken: String)
        /// The same decision was already written under the same claim (a retry): answer with it, write nothing.
        case alreadyRecorded(Decision)
    }

    /// Decides whether `reviewer` may decide the item now. Only the holder of an unexpired claim may (and
    /// `claimToken`, when given, must be that claim's); the same decision repeated under the same claim is
    /// idempotent.
    /// - Parameter standing: the item's standing decision, read by the store when the item is decided.
    package static func decide(
        itemID id: Int64, claim: ClaimState, standing: Decision?, verdict: Verdict, severity: Int, note: String?,
        reviewer: String, claimToken: String?, nowMilliseconds: Int64
    ) throws -> DecideStep {
        switch claim.status {
        case .decided:
            guard claim.decisionID != nil, let decision = standing else {
                throw StoredValueError("item \(id) is decided but its decision is missing")
            }
            let sameClaim = decision.reviewer == reviewer && (claimToken == nil || claimToken == decision.claimToken)
            guard sameClaim else {
                throw QueueError(
                    .claimNotHeld,
                    "item \(id) was already decided (\(decision.verdict.rawValue)) by \(decision.reviewer) under "
                        + "another claim", itemID: id)
            }
            if decision.verdict == verdict && decision.severity == severity && decision.note == note {
                return .alreadyRecorded(decision)
            }
            throw QueueError(
                .alreadyDecided,
                "item \(id) was already decided as \(decision.verdict.rawValue), severity \(decision.severity), "
                    + "under this claim; ask a supervisor to reopen it to change the decision", itemID: id)
        case .pending:
            throw QueueError(
                .claimNotHeld,
                "item \(id) is not claimed (the lease ran out or the claim was released); claim it again with "
                    + "`redflag queue next`", itemID: id)
        case .claimed:
            guard let holder = claim.holder, let token = claim.token, let expires = claim.leaseExpiresMilliseconds
            else { throw StoredValueError("item \(id) is claimed without a claim") }
            guard holder == reviewer else {
                throw QueueError(.claimNotHeld, "item \(id) is claimed by \(holder), not \(reviewer)", itemID: id)
            }
            guard claimToken == nil || claimToken == token else {
                throw QueueError(.claimNotHeld, "item \(id) is held under a newer claim than the one given", itemID: id)
            }
            guard expires > nowMilliseconds else {
                throw QueueError(
                    .claimNotHeld,
                    "your lease on item \(id) ran out at \(RFC3339.string(milliseconds: expires)); claim it again",
                    itemID: id)
            }
            return .record(claimToken: token)
        }
    }

    /// Whether `reviewer` may give the item back; returns the claim's token (for the audit event).
    package static func release(itemID id: Int64, claim: ClaimState, reviewer: String, claimToken: String?) throws
        -> String
    {
        guard claim.status == .claimed, let holder = claim.holder, let token = claim.token else {
            throw QueueError(
                .claimNotHeld, "item \(id) is \(claim.status.rawValue), not claimed: nothing to release", itemID: id)
        }
        guard holder == reviewer, claimToken == nil || claimToken == token else {
            throw QueueError(
                .claimNotHeld,
                holder == reviewer
                    ? "item \(id) is held under a newer claim than yours"
                    : "item \(id) is claimed by \(holder), not \(reviewer)",
                itemID: id)
        }
        return token
    }

    /// Whether a supervisor may reopen the item; returns the standing decision's id, which gets the reopened time.
    package static func reopen(itemID id: Int64, claim: ClaimState) throws -> Int64 {
        guard claim.status == .decided, let decisionID = claim.decisionID else {
            throw QueueError(
                .invalidState, "item \(id) is \(claim.status.rawValue), not decided: there is nothing to reopen",
                itemID: id)
        }
        return decisionID
    }

    /// Whether the item's personal data may be purged: not twice, and not while a reviewer holds it.
    /// - Parameter purgedAt: when it was purged before, if it was.
    package static func purge(itemID id: Int64, status: ItemStatus, purgedAt: String?) throws {
        if let when = purgedAt {
            throw QueueError(.invalidState, "item \(id) was already purged at \(when)", itemID: id)
        }
        guard status != .claimed else {
            throw QueueError(.invalidState, "item \(id) is claimed; release or decide it before purging it", itemID: id)
        }
    }

    /// What enqueueing content the queue already holds (the same SHA-256) does to its item; new content is simply
    /// inserted as a pending item.
    package enum EnqueueStep: Sendable, Hashable {
        /// Pending, with a different assessment: replace it (and re-judge its group and minor marking).
        case refresh
        /// Pending, with the same assessment: nothing to write.
        case unchanged
        /// Claimed, decided or purged: left as it is (a purged ad seen again is not brought back).
        case leave
    }

    /// - Parameter existing: the stored item with the same content hash.
    package static func enqueue(_ submission: PreparedSubmission, onto existing: StoredAssessment) -> EnqueueStep {
        guard existing.status == .pending, !existing.purged else { return .leave }
        return existing.matches(submission) ? .unchanged : .refresh
    }
}

/// What the store holds of an item that an enqueue of the same content compares against.
package struct StoredAssessment: Sendable, Hashable {
    package var status: ItemStatus
    package var purged: Bool
    package var score: Double
    package var category: String?
    package var familiesJSON: String
    package var evidenceJSON: String
    package var contributionsJSON: String
    package var entitiesJSON: String
    package var featuresJSON: String
    package var text: String

    package init(
        status: ItemStatus, purged: Bool, score: Double, category: String?, familiesJSON: String,
        evidenceJSON: String, contributionsJSON: String, entitiesJSON: String, featuresJSON: String, text: String
    ) {
        self.status = status
        self.purged = purged
        self.score = score
        self.category = category
        self.familiesJSON = familiesJSON
        self.evidenceJSON = evidenceJSON
        self.contributionsJSON = contributionsJSON
        self.entitiesJSON = entitiesJSON
        self.featuresJSON = featuresJSON
        self.text = text
    }

    /// Whether the submission says exactly what is stored (as the store wrote it).
    func matches(_ s: PreparedSubmission) -> Bool {
        score == s.score && category == s.category && familiesJSON == s.familiesJSON
            && evidenceJSON == s.evidenceJSON && contributionsJSON == s.contributionsJSON
            && entitiesJSON == s.entitiesJSON && featuresJSON == s.featuresJSON && text == s.text
    }
}
