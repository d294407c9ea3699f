import Foundation
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

/// Inspection needs no write access (issue 17): `stats`, `list`, `show` and `audit --verify` read a queue whose
/// file, or folder, this user may not write, and a command that must write says which of the two is in the way.
///
/// Run as root (as CI is), file modes do not stop anyone, so the binary is started as `nobody` through `setpriv`;
/// as another user, the modes alone do it.
@Suite("Read-only queues: inspection works, writes say why not", .serialized)
final class ReadOnlyQueueTests: Sendable {
    let folder: TemporaryFolder
    static let nobody: uid_t = 65534
    static let asRoot = getuid() == 0
    static let usable = binaryAvailable && (!asRoot || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"))

    init() async throws { folder = try TemporaryFolder() }
    deinit {
        _ = chmod(folder.path("locked"), 0o755)
        folder.cleanUp()
    }

    /// A queue of three items in `locked/q.sqlite`, closed so that no -wal or -shm file is left beside it.
    private func makeLockedQueue() async throws -> String {
        try FileManager.default.createDirectory(atPath: folder.path("locked"), withIntermediateDirectories: true)
        let path = folder.path("locked/q.sqlite")
        do {
            let queue = try makeQueue(path)
            _ = try await queue.enqueue(
                [submission("first", score: 0.9, phones: ["5550100001"]), submission("second", score: 0.4),
                 submission("third", score: 0.2, phones: ["5550100001"])],
                actor: "scan")
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        return path
    }

    /// Runs the binary as a user who may read but not write what `lock` left: as `nobody` when this is root.
    private func run(_ arguments: [String]) throws -> RunResult {
        let launcher =
            Self.asRoot
            ? ["/usr/bin/setpriv", "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups"] : []
        return try runRedFlag(arguments, in: folder, launcher: launcher)
    }

    /// Makes the file unwritable (`file`) or the folder unwritable with the file writable (`folder`), for the user
    /// ``run(_:)`` runs as.
    private func lock(_ path: String, what: String) {
        let dir = folder.path("locked")
        if Self.asRoot {
            _ = chown(dir, 0, 0)
            _ = chown(path, what == "file" ? 0 : Self.nobody, 0)
            _ = chmod(path, what == "file" ? 0o644 : 0o600)
            _ = chmod(dir, what == "file" ? 0o777 : 0o755)
        } else {
            _ = chmod(path, what == "file" ? 0o444 : 0o600)
            _ = chmod(dir, what == "file" ? 0o755 : 0o555)
        }
    }

    @Test(
        "a read-only file and a read-only folder: stats, list, show and audit --verify work; decide names the cause",
        .enabled(if: usable, "needs the redflag binary and, as root, setpriv"),
        arguments: ["file", "folder"])
    func inspectionWithoutWriteAccess(what: String) async throws {
        let path = try await makeLockedQueue()
        lock(path, what: what)

        let stats = try run(["queue", "stats", "--db", path])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("items: 3"))
        let list = try run(["queue", "list", "--db", path, "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        let listed = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any]
        #expect(listed?.count == 3, "\(list.stdout)")
        let show = try run(["queue", "show", "1", "--db", path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("first"))
        let audit = try run(["queue", "audit", "--verify", "--db", path])
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.hasPrefix("ok: 3 events"))

        let claim = try run(["queue", "next", "--db", path, "--reviewer", "ana"])
        #expect(claim.status != 0)
        if what == "file" {
            #expect(claim.stderr.contains("the file is not writable"), "\(claim.stderr)")
        } else {
            #expect(claim.stderr.contains("its folder"), "\(claim.stderr)")
            #expect(claim.stderr.contains("is not writable"), "\(claim.stderr)")
        }
        #expect(!claim.stderr.contains("attempt to write a readonly database") || claim.stderr.contains("writable"))
    }
}
