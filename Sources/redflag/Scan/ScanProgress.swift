import Foundation
import RedFlagPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Shows that a long scan is alive, on standard error.
///
/// On a terminal: one line redrawn in place, with ads done, the share of the input read and an ETA when the input's
/// size is known (files, not standard input), and ads/s. Elsewhere (a log file, a batch system): a whole line every
/// `interval` seconds, so the logs of a long run show it moving without one line per ad.
final class ScanProgress {
    private let terminal: Bool
    private let interval: Double
    private var lastShown = 0.0
    private var drawn = false

    init(interval: Double) {
        terminal = isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        self.interval = interval
    }

    func update(_ s: ScanSummary) {
        if terminal {
            guard s.seconds > 1, s.seconds - lastShown >= 0.5 else { return }
            lastShown = s.seconds
            drawn = true
            standardError("\r\u{1B}[K" + Self.describe(s))
        } else {
            guard interval > 0, s.seconds - lastShown >= interval else { return }
            lastShown = s.seconds
            standardError("progress: " + Self.describe(s) + "\n")
        }
    }

    /// Clears the terminal line so the summary starts on a clean one.
    func finish() {
        if drawn { standardError("\r\u{1B}[K") }
        drawn = false
    }

    /// "1,234 ads, 41% of 12.3 MB, ETA 0:42, 850 ads/s, 2 errors".
    static func describe(_ s: ScanSummary) -> String {
        var parts = ["\(s.ads) ads"]
        if let total = s.inputBytesTotal, total > 0 {
            let fraction = min(1, Double(s.inputBytesRead) / Double(total))
            parts.append(String(format: "%.0f%% of %.1f MB", fraction * 100, Double(total) / 1e6))
            if fraction > 0.001 && s.seconds > 0 {
                parts.append("ETA " + clock(s.seconds * (1 - fraction) / fraction))
            }
        } else {
            parts.append(String(format: "%.1f MB", Double(s.bytes) / 1e6))
        }
        parts.append(String(format: "%.0f ads/s", s.adsPerSecond))
        if s.errors > 0 { parts.append("\(s.errors) error\(s.errors == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    /// `m:ss`, or `h:mm:ss` past an hour.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }
}
