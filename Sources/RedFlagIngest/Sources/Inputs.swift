import Foundation

/// One thing named on the command line, resolved to a file and a format.
public struct Input: Sendable, Equatable {
    /// The path as the user wrote it (or joined under a folder the user named); `-` is standard input.
    public var path: String
    public var format: InputFormat?
    public var gzipped: Bool
    /// Only these bytes of the file, for a part of a large JSONL dump that a distributed scan hands one worker
    /// (``LineRanges``); nil reads the whole file. The range starts at a line and ends after one.
    public var byteRange: Range<Int>?

    public init(path: String, format: InputFormat?, gzipped: Bool, byteRange: Range<Int>? = nil) {
        self.path = path
        self.format = format
        self.gzipped = gzipped
        self.byteRange = byteRange
    }

    /// How records and errors name this input: the path, and for a part of a file `PATH@START` (its first byte),
    /// so a record without an id gets `PATH@START#N`, the Nth record of that part, and errors say
    /// `PATH@START:LINE`, a line counted from the part's start.
    public var name: String {
        byteRange.map { "\(path)@\($0.lowerBound)" } ?? path
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

    /// What ``expand(_:format:)`` found: the inputs to read, and the files in folders it left out.
    public struct Expansion: Sendable {
        public var inputs: [Result<Input, RecordFailure>]
        /// Files inside named folders that were not read because their name says no format (and none was forced).
        public var skippedFiles: [String]
        /// The bytes of every file to read, or nil when one is standard input or cannot be measured.
        public var totalBytes: Int?
    }

    /// Expands paths into inputs, in a deterministic order: each path in the order given, a folder's files
    /// recursively in byte order of their paths; hidden files and folders are skipped. Without a forced `format`,
    /// files in folders are taken only when their name is recognised (a README next to the dumps is not an ad) and
    /// the others are listed in ``Expansion/skippedFiles``, so the caller can say so; with one, every regular file
    /// is read as that format. A file named explicitly is always taken, its format recognised later from its first
    /// bytes when the name says nothing.
    public static func expand(_ paths: [String], format: InputFormat? = nil) -> Expansion {
        var out: [Result<Input, RecordFailure>] = []
        var skipped: [String] = []
        var total: Int? = 0
        let fm = FileManager.default
        func measure(_ path: String) {
            let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
            total = size.flatMap { size in total.map { $0 + size } }
        }
        for path in paths {
            if path == "-" {
                out.append(.success(Input(path: "-", format: .jsonl, gzipped: false)))
                total = nil
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
                measure(path)
                continue
            }
            var files: [String] = []
            collect(folder: path, into: &files)
            files.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for file in files {
                if let input = recognise(file) {
                    out.append(.success(input))
                } else if format != nil {
                    out.append(.success(Input(path: file, format: nil, gzipped: false)))
                } else {
                    skipped.append(file)
                    continue
                }
                measure(file)
            }
        }
        return Expansion(inputs: out, skippedFiles: skipped, totalBytes: total)
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
