import Foundation
import Testing
@testable import RedFlagIngest

/// A large JSONL dump cut into parts for a distributed scan's workers: the parts cover the file, each starts at a
/// line, and reading them one by one yields every record exactly once.
@Suite("Dump parts on line boundaries")
struct LineRangesTests {
    /// Lines of uneven length, one far longer than a part, and a last line without its newline.
    static func dump() -> String {
        var lines = (0..<400).map { #"{"id":"ad-\#($0)","text":"\#(String(repeating: "w", count: ($0 * 37) % 500))"}"# }
        lines[123] = #"{"id":"ad-123","text":"\#(String(repeating: "long ", count: 2000))"}"#
        return lines.joined(separator: "\n")
    }

    @Test("parts cover the file, end after a newline, and yield every record once, named by their part")
    func partsYieldEachRecordOnce() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.dump()
        let path = try write(text, to: folder.appendingPathComponent("dump.jsonl"))
        let bytes = Array(text.utf8)
        let parts = try LineRanges.split(path: path, partBytes: 4096)
        #expect(parts.count > 10)
        #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == bytes.count)
        for (part, next) in zip(parts, parts.dropFirst()) {
            #expect(part.upperBound == next.lowerBound)
            #expect(bytes[part.upperBound - 1] == 10, "part \(part) does not end after a newline")
        }
        // The long line makes its part longer than asked; nothing is cut inside it.
        #expect(parts.contains { $0.count > 10_000 })

        var ids: [String] = []
        for part in parts {
            let input = Input(path: path, format: .jsonl, gzipped: false, byteRange: part)
            for item in AdReader(inputs: [input]) {
                guard case .record(let record) = item else {
                    Issue.record("part \(part): \(item)")
                    continue
                }
                ids.append(record.id)
                if part.lowerBound > 0 { #expect(record.origin.hasPrefix("\(path)@\(part.lowerBound):")) }
            }
        }
        #expect(ids == (0..<400).map { "ad-\($0)" })
    }

    @Test("a file no larger than a part is one part; an empty file none; a missing one an error naming it")
    func edges() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = try write("{\"id\":\"a\",\"text\":\"x\"}\n", to: folder.appendingPathComponent("small.jsonl"))
        #expect(try LineRanges.split(path: small, partBytes: 4096) == [0..<22])
        let empty = try write("", to: folder.appendingPathComponent("empty.jsonl"))
        #expect(try LineRanges.split(path: empty, partBytes: 4096).isEmpty)
        let missing = folder.appendingPathComponent("missing.jsonl").path
        #expect(throws: IngestError.self) { try LineRanges.split(path: missing, partBytes: 4096) }
        do {
            _ = try FileIdentity(path: missing)
            Issue.record("a missing file has an identity")
        } catch {
            #expect(error.code == .unreadable && error.message.hasPrefix(missing))
        }
        let identity = try FileIdentity(path: small)
        #expect(identity.size == 22 && identity.modifiedNanoseconds > 0)
    }
}
