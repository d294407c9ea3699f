public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an ``ExportBundle`` as a case folder: `items.jsonl`, `decisions.jsonl`, `raw/<sha256>.html|.txt`,
/// `audit-head.json` and `MANIFEST.sha256` (`sha256sum -c` compatible), every file mode 0600 and the folders 0700.
///
/// The one writer of the folder format, outside every store: a store hands over the bundle's values and never
/// touches the file system, so an SQLite, in-memory or PostgreSQL store exports the same folder.
public enum ExportFolder {
    /// Checks that `directory` is a new or empty folder and creates it (mode 0700): done before the store records
    /// the export, so a folder that cannot take the bundle leaves no export event.
    /// - Returns: The folder as a standardized file URL.
    public static func prepare(_ directory: String) throws -> URL {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw QueueError(.exportFailed, "\(folder.path) exists and is not a folder", path: folder.path)
            }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            guard contents.isEmpty else {
                throw QueueError(
                    .exportFailed, "\(folder.path) is not empty; export into a new folder", path: folder.path)
            }
            _ = chmod(folder.path, 0o700)
            return folder
        }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw QueueError(
                .exportFailed, "cannot create \(folder.path): \(error.localizedDescription)", path: folder.path)
        }
        return folder
    }

    /// Writes `bundle` into `folder` (made by ``prepare(_:)``).
    /// - Returns: What was written; ``ExportSummary/files`` lists every file, `MANIFEST.sha256` last.
    public static func write(_ bundle: ExportBundle, to folder: URL) throws -> ExportSummary {
        if !bundle.entries.isEmpty && !bundle.redacted {
            do {
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent("raw"), withIntermediateDirectories: false,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw QueueError(
                    .exportFailed, "cannot create \(folder.path)/raw: \(error.localizedDescription)",
                    path: folder.path)
            }
        }
        let files = bundle.dataFiles + [try bundle.headFile()]
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            guard
                FileManager.default.createFile(
                    atPath: url.path, contents: file.contents, attributes: [.posixPermissions: 0o600])
            else {
                throw QueueError(
                    .exportFailed, "cannot write \(url.path): \(String(cString: strerror(errno)))", path: url.path)
            }
        }
        let manifestURL = folder.appendingPathComponent("MANIFEST.sha256")
        guard
            FileManager.default.createFile(
                atPath: manifestURL.path, contents: Data(ExportBundle.manifest(files).utf8),
                attributes: [.posixPermissions: 0o600])
        else { throw QueueError(.exportFailed, "cannot write \(manifestURL.path)", path: manifestURL.path) }
        return ExportSummary(
            directory: folder.path, itemCount: bundle.itemCount, decisionCount: bundle.decisionCount,
            files: files.map(\.name).sorted() + ["MANIFEST.sha256"], auditHeadSequence: bundle.head.sequence,
            auditHeadHash: bundle.head.hash)
    }
}

extension ReviewQueue {
    /// Exports the items matching `status` into the case folder `directory` (created; must not exist or be empty):
    /// the store's bundle (``exportBundle(status:actor:redact:destination:)``), with the folder recorded in the
    /// export event, written by ``ExportFolder``. With `redact`, phones and e-mails are masked and the raw copies
    /// left out (``Redaction``).
    public func export(status: StatusFilter, to directory: String, actor: String, redact: Bool = false) async throws
        -> ExportSummary
    {
        _ = try QueueRules.validName(actor, what: "actor")
        let folder = try ExportFolder.prepare(directory)
        let bundle = try await exportBundle(status: status, actor: actor, redact: redact, destination: folder.path)
        return try ExportFolder.write(bundle, to: folder)
    }
}
