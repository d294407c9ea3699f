import Foundation

/// The queue's input rules, one definition for every store: names, notes, severities, leases, purge reasons and
/// claim tokens. Plain values in, a normalised value or a ``QueueError`` out, so the SQLite store, the in-memory
/// store and a PostgreSQL store reject the same input with the same message.
package enum QueueRules {
    /// Longest reviewer, supervisor, author or actor name, in characters.
    package static let maximumNameLength = 200
    /// Longest lease a claim may take: a week.
    package static let maximumLeaseSeconds: Double = 7 * 24 * 3600

    /// `text` without white space and newlines at either end, as Foundation trims them; text that starts and ends
    /// with a visible ASCII character (nearly every name and note) is returned as it is, without Foundation's
    /// character sets, which cost more than the rest of an enqueue's checks.
    static func trimmedOfWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A trimmed, non-empty name of at most 200 characters, without control characters (it is printed in views
    /// and written into the audit trail).
    package static func validName(_ name: String, what: String) throws -> String {
        let trimmed = trimmedOfWhitespace(name)
        guard !trimmed.isEmpty else { throw QueueError(.invalidInput, "the \(what) name is empty") }
        guard trimmed.count <= maximumNameLength, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw QueueError(.invalidInput, "the \(what) name is longer than 200 characters or has control characters")
        }
        return trimmed
    }

    /// A trimmed note (nil when empty and optional), within `maximumLength` characters.
    package static func validNote(_ note: String?, required: Bool, maximumLength: Int) throws -> String? {
        let trimmed = note.map(trimmedOfWhitespace) ?? ""
        if trimmed.isEmpty {
            if required { throw QueueError(.invalidInput, "the note is empty") }
            return nil
        }
        guard trimmed.count <= maximumLength else {
            throw QueueError(.invalidInput, "the note is longer than \(maximumLength) characters")
        }
        return trimmed
    }

    /// A note that must be there (a reopen's reason, a note added to an item).
    package static func requiredNote(_ note: String, maximumLength: Int) throws -> String {
        guard let note = try validNote(note, required: true, maximumLength: maximumLength) else {
            throw QueueError(.invalidInput, "the note is empty")
        }
        return note
    }

    /// Severity runs from 1 (lowest) to 5.
    package static func checkSeverity(_ severity: Int, itemID: Int64) throws {
        guard (1...5).contains(severity) else {
            throw QueueError(.invalidInput, "severity \(severity) is not between 1 and 5", itemID: itemID)
        }
    }

    /// The lease in whole milliseconds: at least 1 ms, at most 7 days.
    package static func leaseMilliseconds(_ lease: Duration) throws -> Int64 {
        let (seconds, attoseconds) = lease.components
        let total = Double(seconds) + Double(attoseconds) / 1e18
        let milliseconds = Int64((total * 1000).rounded())
        guard milliseconds >= 1, total <= maximumLeaseSeconds else {
            throw QueueError(.invalidInput, "the lease must be between 1 ms and 7 days")
        }
        return milliseconds
    }

    /// A purge's reason, kept in the audit trail: trimmed, 1 to `maximumLength` characters.
    package static func purgeReason(_ reason: String, maximumLength: Int) throws -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= maximumLength else {
            throw QueueError(
                .invalidInput,
                "a purge needs a reason of 1 to \(maximumLength) characters (it is kept in the audit trail)")
        }
        return reason
    }

    /// A random 128-bit claim token, hex: unguessable, so only the claimer can decide under it.
    package static func newClaimToken() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return SHA256Hex.hex(bytes)
    }
}
