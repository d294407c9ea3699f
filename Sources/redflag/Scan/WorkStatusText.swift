import Foundation
import RedFlagQueue

/// `redflag scan --status` as a person reads it: the items by state, what was scanned and how fast, the failures.
enum WorkStatusText {
    static func render(_ status: WorkStatus) -> String {
        let name = status.run.map { "run \($0)" } ?? "all runs"
        var lines: [String] = []
        lines.append(
            "\(name): \(status.total) item(s): \(status.done) done, \(status.inFlight) in flight "
                + "(\(status.workers) worker(s)), \(status.failed) failed, \(status.pending) pending"
                + (status.stalled > 0 ? ", \(status.stalled) whose worker stopped (taken over at the next claim)" : "")
                + (status.takenOver > 0 ? "; \(status.takenOver) taken over from stopped workers" : ""))
        let rate = String(format: "%.1f", status.adsPerSecond)
        let seconds = String(format: "%.1f", status.seconds)
        lines.append(
            "ads scanned: \(status.ads) (\(status.errors) unreadable), \(status.flagged) flagged, \(status.queued) new "
                + "in the queue; \(rate) ads/s over \(seconds) s"
                + (status.isFinished ? "" : " so far"))
        if !status.failures.isEmpty {
            lines.append("failed items\(status.failed > status.failures.count ? " (the first \(status.failures.count))" : ""):")
            for failure in status.failures { lines.append("  \(failure.item): \(failure.error)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
