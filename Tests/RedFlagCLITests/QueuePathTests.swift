import Foundation
import RedFlagTestSupport
import Testing

/// Item 1: only `scan --enqueue`, `queue import` and `queue init` create a queue; every other command refuses a
/// --db that does not exist, naming it, and leaves no file behind.
@Suite("A missing or mistyped --db is refused", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct QueuePathTests {
    @Test(
        "queue list, queue stats, queue show and review refuse a missing queue with exit 66",
        arguments: [
            ["queue", "list", "--db", "typo.sqlite"], ["queue", "stats", "--db", "typo.sqlite"],
            ["queue", "show", "1", "--db", "typo.sqlite"], ["review", "--reviewer", "ana", "--db", "typo.sqlite"],
            ["queue", "audit", "--verify", "--db", "typo.sqlite"],
        ])
    func refused(_ arguments: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try runRedFlag(arguments, in: folder)
        #expect(result.status == 66, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("no review queue at typo.sqlite"), "\(result.stderr)")
        #expect(!result.stdout.contains("Nothing left to review"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("typo.sqlite")), "a queue file was created")
    }

    @Test("queue list without --db does not create redflag-queue.sqlite in the working folder")
    func defaultPathIsNotCreated() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try runRedFlag(["queue", "list"], in: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("redflag-queue.sqlite"))
        #expect(!result.stdout.contains("0 item(s)"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("redflag-queue.sqlite")))
    }

    @Test("queue init creates an empty queue that the other commands then open; a second init leaves it alone")
    func initCreates() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var result = try runRedFlag(["queue", "init", "--db", "cases.sqlite"], in: folder)
        #expect(result.status == 0 && result.stdout.contains("created an empty review queue"), "\(result.stderr)")
        result = try runRedFlag(["queue", "list", "--db", "cases.sqlite"], in: folder)
        #expect(result.status == 0 && result.stdout.contains("0 item(s)"), "\(result.stderr)")
        result = try runRedFlag(["queue", "init", "--db", "cases.sqlite"], in: folder)
        #expect(result.status == 0 && result.stdout.contains("already a review queue"))
        result = try runRedFlag(["review", "--reviewer", "ana", "--db", "cases.sqlite"], in: folder)
        #expect(result.status == 0 && result.stdout.contains("Nothing left to review"))
    }

    @Test("scan --enqueue and queue import create the queue they are given")
    func creatorsCreate() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var result = try runRedFlag(["scan", "-q", "--enqueue", "--db", "scan.sqlite", samplesFolder], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("scan.sqlite")))
        let line =
            #"{"id":"ad-1","score":0.9,"families":["youth"],"html":"<p>hello</p>","main_text":"hello"}"# + "\n"
        result = try runRedFlag(["queue", "import", "-", "--db", "import.sqlite"], in: folder, stdin: line)
        #expect(result.status == 0 && result.stdout.contains("queued 1"), "\(result.stderr)")
    }
}
