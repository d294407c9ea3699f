import Foundation
@testable import RedFlagIngest

/// The repository's `Samples/` folder, found from this file's path.
let samplesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples")

/// A fresh temporary folder for one test.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@discardableResult
func write(_ bytes: [UInt8], to url: URL) throws -> String {
    try Data(bytes).write(to: url)
    return url.path
}

@discardableResult
func write(_ text: String, to url: URL) throws -> String { try write(Array(text.utf8), to: url) }

/// Gzips bytes with the system's `gzip`, as a crawler or `gzip` would.
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let folder = try makeTemporaryFolder()
    let input = folder.appendingPathComponent("data")
    try Data(bytes).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -n -c '\(input.path)' > '\(input.path).gz'"]
    try process.run()
    process.waitUntilExit()
    return Array(try Data(contentsOf: URL(fileURLWithPath: input.path + ".gz")))
}

/// Everything a reader yields for `paths`.
func readAll(_ paths: [String], options: IngestOptions = IngestOptions()) -> [SourceItem] {
    Array(AdReader(paths: paths, options: options))
}

extension SourceItem {
    var record: AdRecord? {
        if case .record(let r) = self { return r }
        return nil
    }
    var failure: RecordFailure? {
        if case .failure(let f) = self { return f }
        return nil
    }
    var id: String { record?.id ?? failure!.id }
}

extension AdRecord {
    /// The content as a string, whatever its kind (raw bytes decoded as UTF-8).
    var contentString: String {
        switch content {
        case .htmlBytes(let bytes, _): String(decoding: bytes, as: UTF8.self)
        case .htmlString(let s), .text(let s): s
        }
    }
}

/// Extracts a document from an HTML string's UTF-8 bytes, as a file would be read.
func extract(_ html: String) throws -> AdDocument {
    try HTMLExtractor().extract(htmlBytes: Array(html.utf8))
}
