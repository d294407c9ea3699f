import Foundation

/// One thing named on the command line, resolved to a file and a format.
public struct Input: Sendable, Equatable {
    /// The path as the user wrote it (or joined under a folder the user named); `-` is standard input.
    public var path: String
    public var format: InputFormat?
    public var gzipped: Bool

    public init(path: String, format: InputFormat?, gzipped: Bool) {
        self.path = path
        self.format = format
        self.gzipped = gzipped
    }

    /// Recognises a format from a file name: `.html`/`.htm`/`.xhtml`, `.jsonl`/`.ndjson`, `.csv`, `.warc`,
    /// each optionally followed by `.gz`. Nil for other names.
    public static func recognise(_ path: String) -> Input? {
        var name = (path as NSString).lastPathComponent.lowercased()
        var gzipped = false
        if name.hasSuffix(".gz") {
            gzipped = true
            name.removeLast(3)
        }
        let format: InputFormat
        switch (name as NSString).pathExtension {
        case "html", "htm", "xhtml", "shtml": format = .html
        case "jsonl", "ndjson": format = .jsonl
        case "csv": format = .csv
        case "warc", "arc": format = .warc
        default: return nil
        }
        return Input(path: path, format: format, gzipped: gzipped)
    }

    /// Expands paths into inputs, in a deterministic order: each path in the order given, a folder's files
    /// recursively in byte order of their paths. Files in folders are taken only when their name is recognised
    /// (a README next to the dumps is not an ad); hidden files and folders are skipped. A file named explicitly
    /// is always taken, its format recognised later from its first bytes when the name says nothing.
    public static func expand(_ paths: [String]) -> [Result<Input, RecordFailure>] {
        var out: [Result<Input, RecordFailure>] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                out.append(.success(Input(path: "-", format: .jsonl, gzipped: false)))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                out.append(
                    .failure(RecordFailure(id: path, error: IngestError(.unreadable, "\(path): no such file or folder"))))
                continue
            }
            if !isDirectory.boolValue {
                out.append(.success(recognise(path) ?? Input(path: path, format: nil, gzipped: false)))
                continue
            }
            var files: [String] = []
            collect(folder: path, into: &files)
            files.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for file in files {
                if let input = recognise(file) { out.append(.success(input)) }
            }
        }
        return out
    }

    private static func collect(folder: String, into files: inout [String]) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(folder: path, into: &files)
            } else {
                files.append(path)
            }
        }
    }
}
