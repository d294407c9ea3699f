import Foundation
import RedFlagIngest
public import RedFlagQueue

/// Turns the paths given to `redflag scan --work` into work items: one per file, and one per part of a large
/// uncompressed JSONL dump (``LineRanges``), so that many workers can share one dump.
///
/// Paths are made absolute (every worker must reach the files at the same path: a shared filesystem) and folders
/// are expanded as `scan` expands them. Only JSONL is split: its records are lines; a CSV record may span lines, and
/// gzip and WARC archives cannot be entered in the middle.
public enum WorkPlanner {
    /// The size of a dump's parts unless another is given: 64 MiB, 10 to 20 s of one core's scanning (a release
    /// build scanned generated pages at 3.7 to 5.5 MB/s here), long enough that a claim costs nothing beside it,
    /// short enough that a worker lost mid-part costs little.
    public static let defaultPartBytes = 64 << 20

    public struct Plan: Sendable {
        public var specs: [WorkSpec]
        /// Files inside named folders left out because their name says no format.
        public var skippedFiles: [String]
        /// Inputs that cannot be registered (missing, unreadable, standard input), each naming itself.
        public var failures: [String]
    }

    /// The items for `paths`, read with `settings`, dumps cut into parts of about `partBytes`; relative paths are
    /// resolved against `workingFolder`.
    public static func plan(paths: [String], settings: ScanSettings, partBytes: Int, workingFolder: String) -> Plan {
        let options = settings.options
        let absolute = paths.map { path in
            path == "-" || path.hasPrefix("/")
                ? path : URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingFolder, isDirectory: true))
                    .standardizedFileURL.path
        }
        let expansion = Input.expand(absolute, format: options.format)
        var plan = Plan(specs: [], skippedFiles: expansion.skippedFiles, failures: [])
        let json = settings.json
        for entry in expansion.inputs {
            let input: Input
            switch entry {
            case .failure(let failure):
                plan.failures.append(failure.error.message)
                continue
            case .success(let found): input = found
            }
            guard input.path != "-" else {
                plan.failures.append("-: standard input cannot be shared among workers; save it to a file first")
                continue
            }
            do throws(IngestError) {
                let identity = try FileIdentity(path: input.path)
                var ranges: [Range<Int>?] = [nil]
                if (options.format ?? input.format) == .jsonl, !input.gzipped, identity.size > Int64(partBytes),
                    !startsWithGzipMagic(input.path)
                {
                    ranges = try LineRanges.split(path: input.path, partBytes: partBytes)
                }
                for range in ranges {
                    plan.specs.append(
                        WorkSpec(
                            path: input.path, byteRange: range, fileSize: identity.size,
                            modifiedNanoseconds: identity.modifiedNanoseconds, settings: json))
                }
            } catch {
                plan.failures.append(error.message)
            }
        }
        return plan
    }

    /// Whether the file is gzip whatever its name says: such a dump is one item, read from its start.
    private static func startsWithGzipMagic(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 2)) ?? Data()
        return head == Data([0x1F, 0x8B])
    }
}
