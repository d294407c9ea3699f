public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `redflag` executable `swift build` or `swift test` built, or nil.
///
/// Looked for next to the test runner first (the test targets depend on the executable, so `swift test` builds it
/// there), then under the repository's scratch folders, found from `#filePath`.
public let redflagBinary: String? = {
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
    let root = URL(fileURLWithPath: repositoryRoot)
    for scratch in [".build-queue", ".build"] {
        candidates.append(root.appendingPathComponent("\(scratch)/debug/redflag"))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
}()

/// Whether the binary exists; tests that spawn it are skipped with a message otherwise.
public let binaryAvailable: Bool = {
    if redflagBinary == nil {
        print(
            "note: the redflag binary was not found next to the tests; process tests are skipped (run `swift build` first)"
        )
    }
    return redflagBinary != nil
}()

/// A finished run of the binary.
public struct RunResult: Sendable {
    public var status: Int32
    public var signalled: Bool
    public var stdout: String
    public var stderr: String
}

/// Thrown when the binary is missing; tests guard on ``binaryAvailable`` first.
public struct SkipError: Error {}

/// Starts `redflag` with `arguments` in `folder`; output goes to files there. `NO_COLOR` is set unless
/// `environment` says otherwise, and standard input is `/dev/null` unless `stdin` is given. A `launcher` (such as
/// `["/usr/bin/taskset", "-c", "0"]`) runs the binary under another program.
public final class RedFlagProcess {
    public let process = Process()
    let stdoutPath: String
    let stderrPath: String

    public init(
        _ arguments: [String], in folder: TemporaryFolder, stdin: String? = nil, environment: [String: String] = [:],
        launcher: [String] = []
    ) throws {
        guard let binary = redflagBinary else { throw SkipError() }
        let name = UUID().uuidString
        stdoutPath = folder.path("\(name).out")
        stderrPath = folder.path("\(name).err")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
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

    public func kill() { signal(SIGKILL) }

    /// Sends `signal` to the process.
    public func signal(_ signal: Int32) { _ = Glibc.kill(process.processIdentifier, signal) }

    /// What the process has written to standard error so far.
    public var stderrSoFar: String { Self.contents(of: stderrPath) }

    /// What the process has written to standard output so far.
    public var stdoutSoFar: String { Self.contents(of: stdoutPath) }

    private static func contents(of path: String) -> String { fileText(path) }

    public func wait() -> RunResult {
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stdout: stdoutSoFar, stderr: stderrSoFar)
    }
}

/// Runs `redflag` to completion.
public func runRedFlag(
    _ arguments: [String], in folder: TemporaryFolder, stdin: String? = nil, environment: [String: String] = [:],
    launcher: [String] = []
) throws -> RunResult {
    try RedFlagProcess(arguments, in: folder, stdin: stdin, environment: environment, launcher: launcher).wait()
}

/// Runs `command` with `/bin/sh -c` in `folder`, the built binary first on `PATH` (so `redflag` is it), standard
/// input from `/dev/null` and `NO_COLOR` set: how a person pastes a line from the README.
public func runShell(_ command: String, in folder: TemporaryFolder) throws -> RunResult {
    guard let binary = redflagBinary else { throw SkipError() }
    let directory = (binary as NSString).deletingLastPathComponent
    let path = directory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    // `sh -c COMMAND BINARY`: the binary the launcher appends becomes the shell's $0, unused.
    return try runRedFlag([], in: folder, environment: ["PATH": path], launcher: ["/bin/sh", "-c", command])
}

/// A file's bytes as UTF-8 (invalid bytes replaced; "" when it cannot be read), read through `FileHandle`:
/// `String(contentsOfFile:)` leaks its read buffer in this toolchain's Foundation (LeakSanitizer reported every call
/// in the process and tmux tests).
public func fileText(_ path: String) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
    defer { try? handle.close() }
    return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
}

/// How much slower than normal the tests may run: `REDFLAG_TEST_TIME_SCALE` (the sanitizer script sets 10), else 1.
/// Bounds that catch a hang (not performance figures, which are never taken from tests) are multiplied by it.
public let testTimeScale: Int = {
    Int(ProcessInfo.processInfo.environment["REDFLAG_TEST_TIME_SCALE"] ?? "") ?? 1
}()
