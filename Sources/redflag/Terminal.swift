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

/// A one-line progress display on standard error, shown only when standard error is a terminal and the run
/// lasts more than a second.
final class ProgressLine {
    private let enabled = isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    private var lastDraw = 0.0
    private var drawn = false

    func update(_ s: ScanSummary) {
        guard enabled, s.seconds > 1, s.seconds - lastDraw >= 0.5 else { return }
        lastDraw = s.seconds
        drawn = true
        standardError(
            String(
                format: "\r\u{1B}[K%d ads, %d errors, %.1f MB, %.0f ads/s", s.ads, s.errors, Double(s.bytes) / 1e6,
                s.adsPerSecond))
    }

    func finish() {
        if drawn { standardError("\r\u{1B}[K") }
    }
}
