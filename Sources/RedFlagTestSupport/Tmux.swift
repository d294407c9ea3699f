import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tmux server on a private socket with one session running a command: how the tests drive `redflag review` in a
/// real terminal of a given size and read its screen.
public struct TmuxSession {
    public static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

    let socket: String
    let folder: TemporaryFolder
    public let name = "redflag"
    /// The terminal's height: what ``rows(until:)`` pads a screen to.
    public let height: Int

    /// Starts `command` (run by the shell) in a detached session of `columns` × `rows`.
    public init(_ command: String, columns: Int, rows: Int, in folder: TemporaryFolder) throws {
        self.folder = folder
        height = rows
        socket = folder.path("tmux-\(UUID().uuidString.prefix(8)).sock")
        let status = run(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), command]).status
        guard status == 0 else { throw TmuxError(message: "tmux new-session exited with \(status)") }
    }

    /// The visible screen, with escape sequences for colour when `escapes`.
    public func capture(escapes: Bool = false) -> String {
        run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : [])).output
    }

    /// Polls the screen until it contains `text` (up to 60 s, times ``testTimeScale``) and returns the last capture.
    /// It returns as soon as the text shows, so the bound only matters on a loaded machine, where 10 s was seen to
    /// run out before `review` redrew and the keys that followed landed on the wrong screen.
    public func screen(until text: String, escapes: Bool = false) -> String {
        var last = ""
        for _ in 0..<(600 * testTimeScale) {
            last = capture(escapes: escapes)
            if last.contains(text) { return last }
            usleep(100_000)
        }
        return last
    }

    /// ``screen(until:escapes:)`` as its rows, always ``height`` of them: a session that ended (its capture empty)
    /// gives blank rows, so a test reads "row 23 is not the prompt" instead of trapping on an index out of range and
    /// taking the whole test process down.
    public func rows(until text: String) -> (screen: String, rows: [String]) {
        let screen = screen(until: text)
        var rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if rows.count < height { rows += Array(repeating: "", count: height - rows.count) }
        return (screen, rows)
    }

    /// Types `keys` (tmux key names such as `Enter`, `Space`, `PageDown`, or literal text).
    public func send(_ keys: String...) {
        _ = run(["send-keys", "-t", name] + keys)
    }

    public func kill() { _ = run(["kill-server"]) }

    private func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let output = folder.path("tmux-\(UUID().uuidString).out")
        let status = spawnAndWait(["/usr/bin/tmux", "-S", socket] + arguments, stdout: output)
        let text = fileText(output)
        try? FileManager.default.removeItem(atPath: output)
        return (status, text)
    }
}

public struct TmuxError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Starts `arguments[0]` with standard output to `stdout` and waits for it; returns the raw wait status. The child
/// gets an empty signal mask and default handlers, whatever the test runner's threads block. posix_spawn + waitpid
/// rather than Foundation's Process: the tmux client forks the server and exits, and Process's exit monitoring then
/// never saw it finish.
public func spawnAndWait(_ arguments: [String], stdout: String) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGHUP, SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
}
