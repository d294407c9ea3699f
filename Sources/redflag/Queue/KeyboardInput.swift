import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the reviewer's keys: single keystrokes in raw mode (termios) when standard input is a terminal, whole lines
/// otherwise, so the review loop works over ssh and from a script alike.
///
/// Raw mode turns off line buffering, echo and signal keys (Ctrl-C arrives as a key, so quitting always releases the
/// claim); output processing is left on. The terminal is restored on ``restore()``, at exit, and on SIGTERM/SIGHUP.
final class KeyboardInput {
    let isTerminal: Bool
    /// Whether a key read on a terminal is followed by a line break; off under the review screen, where a line
    /// break on the last row would scroll the frame.
    var echoesNewline = true
    private var original = termios()
    private var raw = false

    init() {
        isTerminal = isatty(0) == 1
        if isTerminal {
            _ = tcgetattr(0, &original)
            KeyboardInput.saved.pointee = original
            signal(SIGTERM, restoreAndExit)
            signal(SIGHUP, restoreAndExit)
            // A parent may have started us with these blocked (they are inherited); a reviewer's terminal must be
            // put back whatever ends the session.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, SIGTERM)
            sigaddset(&unblock, SIGHUP)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        }
    }

    deinit { restore() }

    /// The terminal settings to put back from a signal handler.
    ///
    /// On the heap rather than a global `termios`: AddressSanitizer found the global laid out 3 bytes shorter than
    /// the C struct that `tcgetattr`'s copy writes (a global-buffer-overflow in the review tests).
    nonisolated(unsafe) static let saved: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()

    /// One key: the keystroke on a terminal, the first non-blank character of the next line otherwise. Nil at end of
    /// input.
    func key(prompt: String) -> Character? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        if !isTerminal {
            guard let line = readLine() else { return nil }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.first ?? " "
        }
        // Raw mode stays on after the key (until ``line(prompt:)`` or ``restore()``): keys typed while this one is
        // handled wait unechoed for the next read, instead of being echoed over the screen in cooked mode.
        enterRaw()
        var byte: UInt8 = 0
        while true {
            let n = read(0, &byte, 1)
            if n == 1 { break }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
        if echoesNewline { FileHandle.standardOutput.write(Data("\n".utf8)) }
        switch byte {
        case 3, 4: return "q"  // Ctrl-C, Ctrl-D
        case 0x1B:
            // Arrows and page keys become the pager's letters; any other sequence is swallowed whole.
            switch drainEscapeSequence() {
            case Array("[A".utf8), Array("OA".utf8): return "k"
            case Array("[B".utf8), Array("OB".utf8): return "j"
            case Array("[5~".utf8): return "b"
            case Array("[6~".utf8): return "f"
            default: return "\u{1B}"
            }
        default: return Character(Unicode.Scalar(byte))
        }
    }

    /// A line of text (the terminal in its normal, echoing mode). Nil at end of input.
    ///
    /// On a terminal the line is read from the descriptor a byte at a time, as the keys are: `readLine()` would
    /// buffer in stdio whatever was typed after the line, and the next ``key(prompt:)`` (a `read(2)`) would never see
    /// it.
    func line(prompt: String) -> String? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        guard isTerminal else { return readLine() }
        restore()
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(0, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n != 1 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") {
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }  // as readLine() drops "\r\n"
                return String(decoding: bytes, as: UTF8.self)
            }
            bytes.append(byte)
        }
    }

    private func enterRaw() {
        guard isTerminal, !raw else { return }
        var settings = original
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // TCSANOW, not TCSAFLUSH: flushing drops whatever the reviewer typed ahead (a key pressed while the last
        // one was being handled was lost, seen as a decision key that never arrived).
        if tcsetattr(0, TCSANOW, &settings) == 0 { raw = true }
    }

    /// Puts the terminal back as it was.
    func restore() {
        guard isTerminal, raw else { return }
        _ = tcsetattr(0, TCSANOW, &original)
        raw = false
    }

    /// Reads the rest of an arrow key or similar (`ESC [ A`) so it is not read as keys, and returns it.
    private func drainEscapeSequence() -> [UInt8] {
        var settings = termios()
        _ = tcgetattr(0, &settings)
        var quick = settings
        withUnsafeMutableBytes(of: &quick.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 1
        }
        _ = tcsetattr(0, TCSANOW, &quick)
        // Up to the sequence's final byte only (CSI `ESC [ … 0x40–0x7E`, SS3 `ESC O x`), so keys typed right after
        // it are still read as keys.
        var byte: UInt8 = 0
        var sequence: [UInt8] = []
        while read(0, &byte, 1) == 1 {
            sequence.append(byte)
            if sequence.count == 1 && byte != UInt8(ascii: "[") && byte != UInt8(ascii: "O") { break }
            if sequence.count == 2 && sequence[0] == UInt8(ascii: "O") { break }
            if sequence.count >= 2 && sequence[0] == UInt8(ascii: "[") && (0x40...0x7E).contains(byte) { break }
        }
        _ = tcsetattr(0, TCSANOW, &settings)
        return sequence
    }
}

/// Restores the terminal and exits; async-signal-safe calls only.
private func restoreAndExit(_ signal: Int32) {
    _ = tcsetattr(0, TCSANOW, KeyboardInput.saved)
    // Leave the review screen's alternate screen (harmless when it was not on).
    let leave: StaticString = "\u{1B}[?1049l"
    _ = write(1, leave.utf8Start, leave.utf8CodeUnitCount)
    _exit(128 + signal)
}
