#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size and modification time (to the nanosecond, as the filesystem keeps it): what tells a distributed
/// scan's worker that the file it was handed is still the one that was registered, without hashing a dump of many
/// gigabytes. A file rewritten with the same size within the same nanosecond would pass; nothing else does.
public struct FileIdentity: Sendable, Hashable, Codable {
    public var size: Int64
    public var modifiedNanoseconds: Int64

    public init(size: Int64, modifiedNanoseconds: Int64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// The identity of the file at `path` now.
    /// - Throws: ``IngestError`` (`unreadable`) naming the path when it cannot be examined.
    public init(path: String) throws(IngestError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw IngestError(.unreadable, "\(path): cannot examine (\(String(cString: strerror(errno))))")
        }
        #if canImport(Glibc)
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
        self.init(size: Int64(info.st_size), modifiedNanoseconds: modified)
    }
}
