import Foundation

/// Whether a decision row written before decide events carried the row's hash still says what its events recorded.
///
/// Those events already held most of the decision: the decide event's item, actor (the reviewer), time and sequence
/// number, and in its detail the verdict, severity, the note's SHA-256, the claim's fingerprint and the referral; a
/// reopen event holds the decision id and the reopened time. The migration that binds such rows (`bind` event)
/// binds only the rows that agree with those events, so an edit made to the table before the upgrade is not
/// blessed: the row stays unbound and verification names it.
package enum LegacyDecisionCheck {
    /// The decide and reopen detail fields compared.
    private struct Detail: Decodable {
        var claim: String?
        var verdict: String?
        var severity: Int?
        var noteSHA256: String?
        var decisionID: Int64?

        enum CodingKeys: String, CodingKey {
            case claim, verdict, severity
            case noteSHA256 = "note_sha256"
            case decisionID = "decision_id"
        }
    }

    /// - Parameters:
    ///   - decideEvent: the event at the row's ``DecisionRow/auditSequence``, nil when there is none.
    ///   - reopenEvents: the reopen events of the row's item, any order.
    package static func agrees(_ row: DecisionRow, decideEvent: AuditEvent?, reopenEvents: [AuditEvent]) -> Bool {
        let decoder = JSONDecoder()
        guard let event = decideEvent, event.action == .decide, event.sequence == row.auditSequence,
            event.itemID == row.itemID, event.actor == row.reviewer, event.atText == row.decidedAt,
            event.atMilliseconds == row.decidedMilliseconds,
            let detail = try? decoder.decode(Detail.self, from: Data(event.detail.utf8)),
            detail.verdict == row.verdict, detail.severity == row.severity,
            detail.noteSHA256 == row.note.map({ SHA256Hex.of($0) }),
            detail.claim == AuditEventBuilder.fingerprint(row.claimToken)
        else { return false }
        // The referral went into the detail verbatim (compact, sorted keys), so its text is found as written.
        if let referral = row.referral {
            guard event.detail.contains("\"referral\":" + referral) else { return false }
        } else if event.detail.contains("\"referral\":") {
            return false
        }
        let reopens = reopenEvents.filter {
            $0.action == .reopen && $0.itemID == row.itemID
                && (try? decoder.decode(Detail.self, from: Data($0.detail.utf8)))?.decisionID == row.id
        }
        guard let reopenedMilliseconds = row.reopenedMilliseconds else { return reopens.isEmpty }
        return reopens.count == 1 && reopens[0].atMilliseconds == reopenedMilliseconds
            && reopens[0].atText == row.reopenedAt
    }
}
