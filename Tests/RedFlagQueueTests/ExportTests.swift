import Foundation
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Export: case bundles with a sha256sum manifest and the audit head")
final class ExportTests: Sendable {
    let folder: TemporaryFolder
    let queue: SQLiteReviewQueue

    init() async throws {
        folder = try TemporaryFolder()
        queue = try makeQueue(folder.path("export.sqlite"))
        var html = submission("<p>just turned 18</p>", score: 0.9)
        html.contentKind = "html"
        _ = try await queue.enqueue(
            [html, submission("plain text ad", score: 0.8), submission("dismissed ad", score: 0.7)], actor: "scan")
        for verdict in [Verdict.confirmed, .confirmed, .dismissed] {
            let item = try #require(try await queue.claimNext(reviewer: "ana"))
            _ = try await queue.decide(
                id: item.id, verdict: verdict, severity: 4, note: "why \(item.id)", reviewer: "ana", claimToken: nil)
        }
        _ = try await queue.addNote(id: 1, author: "bob", text: "linked to case 7")
    }

    deinit { folder.cleanUp() }

    @Test("the bundle holds items with decisions and notes, raw files, the audit head and a checkable manifest")
    func bundle() async throws {
        let out = folder.path("case-1")
        let summary = try await queue.export(status: .confirmed, to: out, actor: "lead")
        #expect(summary.itemCount == 2)
        #expect(summary.decisionCount == 2)
        let items = try await queue.list(filter: QueueFilter(status: .confirmed))
        let expectedFiles = Set(
            ["items.jsonl", "decisions.jsonl", "audit-head.json", "MANIFEST.sha256"]
                + items.map { "raw/\($0.sha256).\($0.contentKind == "html" ? "html" : "txt")" })
        #expect(Set(summary.files) == expectedFiles)

        // MANIFEST.sha256: "<hex>  <name>" for every other file, each hash right.
        let manifest = try String(contentsOfFile: out + "/MANIFEST.sha256", encoding: .utf8)
        let lines = manifest.split(separator: "\n")
        #expect(lines.count == expectedFiles.count - 1)
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1)
            let name = String(parts[1].dropFirst())
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            #expect(SHA256Hex.of(data) == String(parts[0]), "\(name)")
            var info = stat()
            #expect(stat(out + "/" + name, &info) == 0 && info.st_mode & 0o777 == 0o600)
        }
        // A raw file's name is its own hash: the evidentiary copy is intact.
        for item in items {
            let data = try Data(
                contentsOf: URL(
                    fileURLWithPath: out + "/raw/\(item.sha256).\(item.contentKind == "html" ? "html" : "txt")"))
            #expect(SHA256Hex.of(data) == item.sha256)
        }

        // items.jsonl: one item per line with its decisions and notes.
        let itemLines = try String(contentsOfFile: out + "/items.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(itemLines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(itemLines[0].utf8)) as? [String: Any])
        #expect(first["schema_version"] as? Int == 1)
        #expect((first["item"] as? [String: Any])?["id"] as? Int == 1)
        #expect((first["decisions"] as? [[String: Any]])?.first?["verdict"] as? String == "confirmed")
        #expect((first["notes"] as? [[String: Any]])?.first?["text"] as? String == "linked to case 7")
        let decisionLines = try String(contentsOfFile: out + "/decisions.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(decisionLines.count == 2)

        // The export is audited, and the head in the bundle is the chain's head after it.
        let last = try #require(try await queue.auditEvents().last)
        #expect(last.action == .export)
        #expect(last.actor == "lead")
        #expect(last.detail.contains(#""items":2"#))
        #expect(summary.auditHeadSequence == last.sequence)
        #expect(summary.auditHeadHash == last.hash)
        let head = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/audit-head.json")))
                as? [String: Any])
        #expect(head["audit_head_hash"] as? String == last.hash)
        #expect(head["audit_verified"] as? Bool == true)
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("sha256sum -c accepts the manifest")
    func sha256sum() async throws {
        let out = folder.path("case-2")
        _ = try await queue.export(status: .decided, to: out, actor: "lead")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = ["--check", "--strict", "--quiet", "MANIFEST.sha256"]
        process.currentDirectoryURL = URL(fileURLWithPath: out)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("an existing non-empty folder is refused; an empty status exports an empty bundle")
    func folders() async throws {
        let out = folder.path("busy")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out + "/x", contents: Data())
        await expectQueueError(.exportFailed) { _ = try await queue.export(status: .confirmed, to: out, actor: "lead") }
        let empty = try await queue.export(status: .escalated, to: folder.path("none"), actor: "lead")
        #expect(empty.itemCount == 0)
        #expect(Set(empty.files) == ["items.jsonl", "decisions.jsonl", "audit-head.json", "MANIFEST.sha256"])
    }

    @Test("the folder export(status:to:) writes is the store's bundle: same files, bytes and MANIFEST lines")
    func folderIsTheBundle() async throws {
        let viaQueue = try await queue.export(status: .decided, to: folder.path("via-queue"), actor: "lead")
        let bundle = try await queue.exportBundle(status: .decided, actor: "lead")
        let byHand = try ExportFolder.write(bundle, to: try ExportFolder.prepare(folder.path("by-hand")))
        #expect(viaQueue.files == byHand.files)
        #expect(byHand.files == (bundle.dataFiles.map(\.name) + ["audit-head.json"]).sorted() + ["MANIFEST.sha256"])
        for file in bundle.dataFiles {
            let written = try Data(contentsOf: URL(fileURLWithPath: viaQueue.directory + "/" + file.name))
            #expect(written == file.contents, "\(file.name)")
        }
        // The data files are the same snapshot; only the head differs (each export is its own event).
        func manifest(_ directory: String) throws -> [String] {
            try String(contentsOfFile: directory + "/MANIFEST.sha256", encoding: .utf8).split(separator: "\n")
                .map(String.init)
        }
        let (first, second) = (try manifest(viaQueue.directory), try manifest(byHand.directory))
        #expect(first.count == viaQueue.files.count - 1)
        #expect(first.filter { !$0.hasSuffix("audit-head.json") } == second.filter { !$0.hasSuffix("audit-head.json") })
        #expect(second.joined(separator: "\n") + "\n" == ExportBundle.manifest(bundle.dataFiles + [try bundle.headFile()]))
        let events = try await queue.auditEvents().filter { $0.action == .export }
        #expect(events.count == 2 && events[0].detail.contains(#""directory":"\#(viaQueue.directory)""#))
        #expect(bundle.head.sequence == events[1].sequence && !events[1].detail.contains("directory"))
    }
}
