#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of bytes read in chunks, so dumps of any size stream through bounded buffers.
protocol ByteStream {
    /// Reads up to `buffer.count` bytes; returns 0 at the end of the stream.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int
}

/// A file descriptor read with `read(2)`: a file, or standard input.
///
/// Owns the descriptor unless it is standard input, and closes it on deinit.
final class FileByteStream: ByteStream {
    private let fd: Int32
    private let name: String
    private let owned: Bool
    /// Bytes left to hand out when only part of the file is read; nil reads to the end.
    private var remaining: Int?
    /// Bytes handed out so far, for progress.
    private(set) var bytesRead = 0

    /// Opens `path` for reading, all of it or only `range` (a part of a dump a distributed scan's worker reads).
    init(path: String, range: Range<Int>? = nil) throws(IngestError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError(.unreadable, "\(path): cannot open (\(String(cString: strerror(errno))))")
        }
        if let range, range.lowerBound > 0, lseek(fd, off_t(range.lowerBound), SEEK_SET) < 0 {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw IngestError(.unreadable, "\(path): cannot seek to byte \(range.lowerBound) (\(reason))")
        }
        self.fd = fd
        self.name = path
        self.owned = true
        self.remaining = range?.count
    }

    /// Standard input.
    init(standardInput: Void) {
        self.fd = 0
        self.name = "-"
        self.owned = false
    }

    deinit {
        if owned { close(fd) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        let wanted = min(buffer.count, remaining ?? buffer.count)
        if wanted == 0 { return 0 }
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, buffer.baseAddress, wanted)
            #else
            let n = Darwin.read(fd, buffer.baseAddress, wanted)
            #endif
            if n >= 0 {
                bytesRead += n
                if let left = remaining { remaining = left - n }
                return n
            }
            if errno == EINTR { continue }
            throw IngestError(.unreadable, "\(name): read failed (\(String(cString: strerror(errno))))")
        }
    }
}

/// Bytes already in memory.
struct MemoryByteStream: ByteStream {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: n)
        }
        position += n
        return n
    }
}
