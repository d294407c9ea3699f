import Foundation
import Testing

@testable import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

/// ``RFC3339/string(milliseconds:)`` writes its digits by hand; C's `gmtime_r` and `String(format:)` (what it
/// replaced) are the reference, over instants spread across leap years, centuries and both sides of 1970.
@Suite("RFC 3339 timestamps")
struct RFC3339Tests {
    static func reference(_ milliseconds: Int64) -> String {
        var seconds = time_t((Double(milliseconds) / 1000).rounded(.down))
        let millis = Int(milliseconds - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }

    @Test("the same text as gmtime_r and String(format:) for 20,000 instants from year 1 to 9999")
    func matchesTheCLibrary() {
        var generator = SystemRandomNumberGenerator()
        let first: Int64 = -62_135_596_800_000  // 0001-01-01
        let last: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999
        var instants: [Int64] = [0, -1, 1, 951_782_400_000, 951_868_799_999, 4_107_542_399_999, first, last]
        for _ in 0..<20_000 { instants.append(Int64.random(in: first...last, using: &generator)) }
        for instant in instants {
            #expect(RFC3339.string(milliseconds: instant) == Self.reference(instant), "at \(instant) ms")
        }
    }

    @Test("leap days and the turn of a century")
    func knownDates() {
        #expect(RFC3339.string(milliseconds: 951_782_400_000) == "2000-02-29T00:00:00.000Z")
        #expect(RFC3339.string(milliseconds: 4_107_542_399_999) == "2100-02-28T23:59:59.999Z")
        #expect(RFC3339.string(milliseconds: 1_709_164_800_007) == "2024-02-29T00:00:00.007Z")
    }
}
