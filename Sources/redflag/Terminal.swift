import Foundation
import RedFlagPipeline

#if canImport(Glibc)
import Glibc
#endif

/// Buffered standard output: one `write(2)` per 64 KiB instead of one per line.
final class StandardOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 {
                    if errno == EINTR { continue }
                    // A closed pipe (e.g. `| head`): stop quietly, as Unix tools do.
                    exit(errno == EPIPE ? 0 : 1)
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// The width of the terminal on standard output, else `$COLUMNS`, else 120 (a pipe into a file or `less -S`).
func outputWidth() -> Int {
    var size = winsize()
    if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
    return 120
}
