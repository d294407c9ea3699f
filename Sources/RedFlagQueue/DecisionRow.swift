import Foundation

/// The stored values of one decision row, and the canonical form the audit chain binds them by.
///
/// `show`, `list`, the export bundle and training all read the decision row, not the decide event, so an edit to the
/// row (triggers dropped) would change what reviewers and the model see while the chain still verified. The decide
/// event therefore carries ``sha256`` of the row as written, the reopen event the hash of the row with its reopened
/// time, and verification recomputes it for every row (``DecisionBindingCheck``).
///
/// Every column that says what was decided is bound: the row id, item, verdict, severity, note, reviewer, claim
/// token, decided time (text and milliseconds), the decide event's sequence number, the referral shown and the
/// reopened time. Values are taken as the store wrote them (the verdict as its raw text, the referral as the compact
/// sorted-key JSON the queue wrote), so any store that keeps the same values computes the same hash.
package struct DecisionRow: Sendable, Hashable {
    package var id: Int64
    package var itemID: Int64
    /// ``Verdict`` raw value, as stored (an unknown value still hashes, and then mismatches).
    package var verdict: String
    package var severity: Int
    package var note: String?
    package var reviewer: String
    package var claimToken: String
    package var decidedAt: String
    package var decidedMilliseconds: Int64
    package var auditSequence: Int64
    /// The referral as the compact JSON stored with the decision; nil for a dismissal.
    package var referral: String?
    package var reopenedAt: String?
    package var reopenedMilliseconds: Int64?

    package init(
        id: Int64, itemID: Int64, verdict: String, severity: Int, note: String?, reviewer: String, claimToken: String,
        decidedAt: String, decidedMilliseconds: Int64, auditSequence: Int64, referral: String?,
        reopenedAt: String? = nil, reopenedMilliseconds: Int64? = nil
    ) {
        self.id = id
        self.itemID = itemID
        self.verdict = verdict
        self.severity = severity
        self.note = note
        self.reviewer = reviewer
        self.claimToken = claimToken
        self.decidedAt = decidedAt
        self.decidedMilliseconds = decidedMilliseconds
        self.auditSequence = auditSequence
        self.referral = referral
        self.reopenedAt = reopenedAt
        self.reopenedMilliseconds = reopenedMilliseconds
    }

    /// Each column as `name:byteLength:value\n`, or `name:null\n` when absent, in a fixed order: the same scheme as
    /// ``AuditChain/canonical(sequence:atText:atMilliseconds:actor:action:itemID:detail:)``, with NULL kept apart
    /// from an empty string (an empty note is not the same record as no note).
    package var canonical: String {
        var out = "decision_row:1\n"
        func field(_ name: String, _ value: String?) {
            if let value {
                out += name + ":" + String(value.utf8.count) + ":" + value + "\n"
            } else {
                out += name + ":null\n"
            }
        }
        field("id", String(id))
        field("item_id", String(itemID))
        field("verdict", verdict)
        field("severity", String(severity))
        field("note", note)
        field("reviewer", reviewer)
        field("claim_token", claimToken)
        field("decided_at", decidedAt)
        field("decided_ms", String(decidedMilliseconds))
        field("audit_seq", String(auditSequence))
        field("referral", referral)
        field("reopened_at", reopenedAt)
        field("reopened_ms", reopenedMilliseconds.map { String($0) })
        return out
    }

    /// SHA-256 of ``canonical``, lower-case hex: what the decide, reopen and bind events carry.
    package var sha256: String { SHA256Hex.of(canonical) }
}

extension DecisionRow {
    /// The decision this row records, as the API shows it.
    package func decision() throws -> Decision {
        guard let verdict = Verdict(rawValue: verdict) else {
            throw StoredValueError("decision \(id) has an unknown verdict")
        }
        return Decision(
            id: id, itemID: itemID, verdict: verdict, severity: severity, note: note, reviewer: reviewer,
            claimToken: claimToken, decidedAt: RFC3339.date(milliseconds: decidedMilliseconds),
            auditSequence: auditSequence, reopenedAt: reopenedMilliseconds.map(RFC3339.date(milliseconds:)),
            referral: try referral.map { try JSONDecoder().decode(Referral.self, from: Data($0.utf8)) })
    }
}
