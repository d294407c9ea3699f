import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How many cores this process may really use.
///
/// `ProcessInfo.activeProcessorCount` counts the machine's online cores. Under `taskset`, a container's cpuset, or a
/// cgroup CPU quota, fewer are ours, and one worker per machine core then only adds contention. So: the CPUs in the
/// affinity mask (`sched_getaffinity`), lowered to the cgroup v2 quota (`cpu.max`, rounded up) when one is set.
enum Cores {
    static let available: Int = {
        var cores = affinityCount() ?? ProcessInfo.processInfo.activeProcessorCount
        if let quota = cgroupQuota() { cores = min(cores, quota) }
        return max(1, cores)
    }()

    /// The CPUs in this process's affinity mask, read from the kernel's `Cpus_allowed` line in /proc/self/status
    /// (hex words separated by commas): Glibc's `sched_getaffinity` is not visible to Swift without _GNU_SOURCE.
    private static func affinityCount() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") })
        else { return nil }
        var count = 0
        for character in line.dropFirst("Cpus_allowed:".count) {
            if let nibble = character.hexDigitValue { count += nibble.nonzeroBitCount }
        }
        return count > 0 ? count : nil
    }

    /// `quota period` from `/sys/fs/cgroup/cpu.max` as whole cores; nil for `max` (no quota) or no cgroup v2.
    private static func cgroupQuota() -> Int? {
        guard let text = try? String(contentsOfFile: "/sys/fs/cgroup/cpu.max", encoding: .utf8) else { return nil }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard parts.count == 2, let quota = Double(parts[0]), let period = Double(parts[1]), period > 0 else {
            return nil
        }
        return Int((quota / period).rounded(.up))
    }
}

/// `-j, --jobs N`, shared by every command that runs workers.
struct WorkerOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Worker threads (default: the cores this process may use, after taskset, cpuset and cgroup limits; "
                + "\(Cores.available) here).", valueName: "n"))
    var jobs: Int?

    /// The number of workers to run.
    var count: Int { jobs ?? Cores.available }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
