import Foundation

/// Checks decision rows against the hashes the audit chain recorded for them; pure, so every store runs the same
/// check.
///
/// Fed the chain's events in order (``record(action:sequence:detail:)``), it keeps, per decision id, the last hash an
/// event bound: the decide event's (the row as written), then a reopen event's (the row with its reopened time), or
/// the one-time `bind` event's for rows decided before decide events carried a hash. Then every decision row is
/// checked (``check(_:)``), and ``leftover()`` names a bound row that no longer exists. Only a chain that verified up
/// to here is trusted for the hashes: the caller walks and checks the chain first.
package struct DecisionBindingCheck {
    /// The last event that bound a decision row.
    package struct Binding: Sendable, Hashable {
        package var sha256: String
        package var sequence: Int64
    }

    /// What is wrong with one decision row.
    package struct Finding: Sendable, Hashable {
        package enum Kind: Sendable, Hashable {
            case edited, inserted, deleted
        }

        package var kind: Kind
        package var decisionID: Int64
        /// The event that bound the row (nil for a row no event binds).
        package var sequence: Int64?
        package var message: String
    }

    package private(set) var bindings: [Int64: Binding] = [:]
    /// Rows the bind event found disagreeing with the events that recorded them, with that event's number.
    private var disagreeing: [Int64: Int64] = [:]
    private var checked: Set<Int64> = []

    package init() {}

    /// The parts of a decide, reopen or bind event's detail that bind decision rows; other keys are ignored.
    private struct Detail: Decodable {
        var decisionID: Int64?
        var decisionSHA256: String?
        /// A bind event's rows: decision id (as text, a JSON object key) → hash.
        var decisions: [String: String]?
        /// A bind event's rows left unbound.
        var disagreeing: [Int64]?

        enum CodingKeys: String, CodingKey {
            case decisions, disagreeing
            case decisionID = "decision_id"
            case decisionSHA256 = "decision_sha256"
        }
    }

    /// Takes the bindings an event carries. Decide events written before rows were bound carry none; their rows are
    /// bound by the bind event.
    package mutating func record(action: String, sequence: Int64, detail: String) {
        guard action == AuditAction.decide.rawValue || action == AuditAction.reopen.rawValue
            || action == AuditAction.bind.rawValue
        else { return }
        guard let parsed = try? JSONDecoder().decode(Detail.self, from: Data(detail.utf8)) else { return }
        if let id = parsed.decisionID, let hash = parsed.decisionSHA256 {
            bindings[id] = Binding(sha256: hash, sequence: sequence)
        }
        for (key, hash) in parsed.decisions ?? [:] {
            if let id = Int64(key) { bindings[id] = Binding(sha256: hash, sequence: sequence) }
        }
        for id in parsed.disagreeing ?? [] { disagreeing[id] = sequence }
    }

    /// Checks one row; nil when it is the row its last binding event recorded.
    package mutating func check(_ row: DecisionRow) -> Finding? {
        checked.insert(row.id)
        // Sticky: a later reopen binds the row as it then stands, but cannot undo an edit the upgrade found.
        if let bindEvent = disagreeing[row.id] {
            return Finding(
                kind: .edited, decisionID: row.id, sequence: bindEvent,
                message: "decision \(row.id) (item \(row.itemID)) was edited before this queue was upgraded: it no "
                    + "longer agreed with the decide event that recorded it, so event \(bindEvent) left it unbound")
        }
        guard let binding = bindings[row.id] else {
            return Finding(
                kind: .inserted, decisionID: row.id, sequence: nil,
                message: "decision \(row.id) (item \(row.itemID)) was added outside RedFlag: no audit event records it")
        }
        if binding.sha256 != row.sha256 {
            return Finding(
                kind: .edited, decisionID: row.id, sequence: binding.sequence,
                message: "decision \(row.id) (item \(row.itemID)) was edited: the row no longer matches the hash "
                    + "event \(binding.sequence) recorded for it (verdict, severity, note, reviewer, claim, time, "
                    + "referral or reopened time changed)")
        }
        return nil
    }

    /// A row that cannot even be read as a decision (a value of the wrong type) was edited outside RedFlag.
    package mutating func unreadable(id: Int64, reason: String) -> Finding {
        checked.insert(id)
        return Finding(
            kind: .edited, decisionID: id, sequence: bindings[id]?.sequence,
            message: "decision \(id) was edited: it holds a value RedFlag cannot read (\(reason))")
    }

    /// The first bound row (lowest id) that was not among the rows checked: deleted.
    package func leftover() -> Finding? {
        guard let (id, binding) = bindings.filter({ !checked.contains($0.key) }).min(by: { $0.key < $1.key })
        else { return nil }
        return Finding(
            kind: .deleted, decisionID: id, sequence: binding.sequence,
            message: "decision \(id) was deleted: event \(binding.sequence) recorded it, but the decision table no "
                + "longer has it")
    }
}
