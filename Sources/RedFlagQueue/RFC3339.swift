public import Foundation
import RedFlagCore

/// UTC RFC 3339 timestamps with milliseconds (`2026-05-01T12:00:00.123Z`), formatted without a shared formatter
/// object so any thread may call them.
public enum RFC3339 {
    /// Formats an instant given in milliseconds since 1970 (digits by hand, ``UTCTime``: `String(format:)` was a
    /// third of the queue's CPU per enqueued ad, where every write stamps one or two of these).
    public static func string(milliseconds: Int64) -> String {
        let seconds = milliseconds.floorDiv(1000)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        UTCTime(secondsSince1970: seconds).appendDateTime(to: &bytes)
        bytes.append(UInt8(ascii: "."))
        UTCTime.append(Int(milliseconds - seconds * 1000), width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func string(from date: Date) -> String { string(milliseconds: milliseconds(date)) }

    /// Milliseconds since 1970, rounded down.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    public static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}

extension Int64 {
    fileprivate func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
