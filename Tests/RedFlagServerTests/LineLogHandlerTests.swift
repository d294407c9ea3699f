import Foundation
import Logging
import RedFlagCore
import Testing

@testable import RedFlagServer

#if canImport(Glibc)
    import Glibc
#endif

/// The server's log lines: swift-log's stream shape, UTC, metadata sorted, written whole.
@Suite("Log lines")
struct LineLogHandlerTests {
    /// Logs through a handler on a pipe and returns what reached the pipe.
    func lines(level: Logger.Level = .info, _ body: (inout Logger) -> Void) throws -> [String] {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        var logger = Logger(label: "redflag.serve") { LineLogHandler(label: $0, descriptor: ends[1]) }
        logger.logLevel = level
        body(&logger)
        close(ends[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(ends[0], &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        close(ends[0])
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    @Test("time, level, label, metadata by key, [source] and message, one line per event")
    func shape() throws {
        let before = Int64(time(nil))
        let logged = try lines { logger in
            logger[metadataKey: "token"] = "ingest-1"
            logger.info("request", metadata: ["status": .stringConvertible(200), "method": "POST", "route": "/v1/ads"])
            logger.debug("not at info")
            logger.warning("queue slow", error: Refused(), metadata: ["ms": "1520.00"])
        }
        let after = Int64(time(nil))
        #expect(logged.count == 2)
        guard logged.count == 2 else { return }
        let stamps = Set((before...after).map { seconds -> String in
            var bytes: [UInt8] = []
            UTCTime(secondsSince1970: seconds).appendDateTime(to: &bytes)
            return String(decoding: bytes, as: UTF8.self) + "+0000"
        })
        let first = logged[0].split(separator: " ", maxSplits: 1).map { String($0) }
        #expect(stamps.contains(String(first[0])), "\(logged[0])")
        #expect(first[1] == "info redflag.serve: method=POST route=/v1/ads status=200 token=ingest-1 [RedFlagServerTests] request")
        let second = logged[1].split(separator: " ", maxSplits: 1).map { String($0) }
        #expect(
            second[1]
                == "warning redflag.serve: error.message=disk full error.type=RedFlagServerTests.LineLogHandlerTests.Refused ms=1520.00 token=ingest-1 [RedFlagServerTests] queue slow")
    }

    @Test("the UTC date and time of known instants, as gmtime gives them")
    func utc() {
        for seconds: Int64 in [0, -1, 951_782_400, 1_777_636_800, 4_107_542_399, 1_000_000_000_000 % 253_402_300_799] {
            var bytes: [UInt8] = []
            UTCTime(secondsSince1970: seconds).appendDateTime(to: &bytes)
            var t = time_t(seconds)
            var parts = tm()
            gmtime_r(&t, &parts)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }
}
