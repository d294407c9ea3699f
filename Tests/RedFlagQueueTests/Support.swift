import Foundation
import Testing

@testable import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder under the system temporary folder, removed by `cleanUp()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-queue-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// A clock tests move by hand, to expire leases without sleeping.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_777_636_800)) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Opens a queue at `path` driven by `clock`.
func makeQueue(_ path: String, clock: ManualClock? = nil) throws -> SQLiteReviewQueue {
    var configuration = SQLiteReviewQueue.Configuration()
    if let clock { configuration.now = { clock.now } }
    return try SQLiteReviewQueue(path: path, configuration: configuration)
}

/// A valid submission whose content is `text` (so its sha256 differs per text).
func submission(
    _ text: String, score: Double = 0.5, phones: [String] = [], emails: [String] = [], families: [String] = [],
    evidence: String = "[]", category: String? = "escort", url: String? = nil, features: [String: Double] = ["bias": 1]
) -> QueueSubmission {
    let raw = Array(text.utf8)
    let entities =
        #"{"phones":["# + phones.map { "\"\($0)\"" }.joined(separator: ",") + #"],"phone_obfuscated":false,"emails":["#
        + emails.map { "\"\($0)\"" }.joined(separator: ",") + #"],"ages":[19],"prices":[150]}"#
    return QueueSubmission(
        sha256: SHA256Hex.of(raw), adID: "ad-" + String(SHA256Hex.of(raw).prefix(8)), url: url,
        capturedAt: "2026-05-01T10:00:00Z", score: score, category: category, families: families,
        evidenceJSON: evidence,
        contributionsJSON: #"[{"feature":"youth.x","weight":1.5},{"feature":"bias","weight":-0.3}]"#,
        entitiesJSON: entities, phones: phones, emails: emails, location: nil, rawContent: raw, contentKind: "text",
        text: text, features: features)
}

/// `n` distinct submissions, scores spread over [0, 1).
func submissions(_ n: Int, prefix: String = "ad") -> [QueueSubmission] {
    (0..<n).map { submission("\(prefix) number \($0) text", score: Double(($0 * 7919) % 1000) / 1000) }
}

/// Asserts that `body` throws a ``QueueError`` with `code`, and returns it.
@discardableResult
func expectQueueError(
    _ code: QueueError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> QueueError? {
    do {
        try body()
        Issue.record("expected QueueError \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as QueueError {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected QueueError \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

// MARK: - The redflag binary

/// The `redflag` executable `swift test` built next to the test bundle, or nil.
let redflagBinary: String? = {
    var candidates: [URL] = []
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("redflag"))
        folder = folder.deletingLastPathComponent()
    }
    if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
        candidates.append(bundle.appendingPathComponent("redflag"))
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    for scratch in [".build-queue", ".build"] {
        candidates.append(root.appendingPathComponent("\(scratch)/debug/redflag"))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
}()

/// A finished run of the binary.
struct RunResult {
    var status: Int32
    var signalled: Bool
    var stdout: String
    var stderr: String
}

/// Starts `redflag` with `arguments`; output goes to files in `folder`.
final class RedFlagProcess {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    init(_ arguments: [String], in folder: TemporaryFolder, stdin: String? = nil, environment: [String: String] = [:])
        throws
    {
        guard let binary = redflagBinary else { throw SkipError() }
        let name = UUID().uuidString
        stdoutPath = folder.path("\(name).out")
        stderrPath = folder.path("\(name).err")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        if let stdin {
            let inputPath = folder.path("\(name).in")
            _ = FileManager.default.createFile(atPath: inputPath, contents: Data(stdin.utf8))
            process.standardInput = FileHandle(forReadingAtPath: inputPath)
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        try process.run()
    }

    func kill() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }

    func wait() -> RunResult {
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "")
    }
}

struct SkipError: Error {}

/// Runs `redflag` to completion.
func runRedFlag(_ arguments: [String], in folder: TemporaryFolder, stdin: String? = nil) throws -> RunResult {
    try RedFlagProcess(arguments, in: folder, stdin: stdin).wait()
}

/// Whether the binary exists; tests that spawn it are skipped with a message otherwise.
let binaryAvailable: Bool = {
    if redflagBinary == nil {
        print(
            "note: the redflag binary was not found next to the tests; process tests are skipped (run `swift build` first)"
        )
    }
    return redflagBinary != nil
}()
