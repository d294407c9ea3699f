public import Foundation

/// A fresh folder under the system temporary folder, removed by `cleanUp()`.
///
/// Every test that writes files gets its own, so tests can run in parallel and leave nothing behind.
public struct TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let path = path(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    public func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// The repository this file was compiled from: where `Samples/`, `Models/` and `README.md` are.
public let repositoryRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// `Samples/` of the repository.
public let samplesFolder = repositoryRoot + "/Samples"
