#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a large line-per-record file (JSONL) into parts of about a given size, each starting at a line and ending
/// just after one, so that several workers can scan one dump at once and every record is read by exactly one of
/// them.
///
/// Only the bytes around each cut are read (from the target offset to the next newline), not the whole file, so
/// registering a 100 GB dump takes as long as a few hundred small reads. A line longer than the part size makes its
/// part longer; nothing is ever cut inside a line.
///
/// ```swift
/// let parts = try LineRanges.split(path: "dump.jsonl", partBytes: 64 << 20)   // [0..<67108901, 67108901..<…]
/// let reader = AdReader(inputs: parts.map { Input(path: "dump.jsonl", format: .jsonl, gzipped: false, byteRange: $0) })
/// ```
public enum LineRanges {
    /// The parts of the file at `path`, in order, covering it whole; one part when it is no larger than
    /// `partBytes`, none when it is empty.
    /// - Throws: ``IngestError`` (`unreadable`) when the file cannot be opened or read.
    public static func split(path: String, partBytes: Int) throws(IngestError) -> [Range<Int>] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError(.unreadable, "\(path): cannot open (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size >= 0 else {
            throw IngestError(.unreadable, "\(path): cannot measure (\(String(cString: strerror(errno))))")
        }
        let step = max(1, partBytes)
        var parts: [Range<Int>] = []
        var start = 0
        while start < size {
            let target = start + step
            if target >= size {
                parts.append(start..<size)
                break
            }
            let end = try endOfLine(fd: fd, from: target, size: size, path: path)
            parts.append(start..<end)
            start = end
        }
        return parts
    }

    /// The offset just after the first newline at or after `offset` (the file's end when there is none).
    private static func endOfLine(fd: Int32, from offset: Int, size: Int, path: String) throws(IngestError) -> Int {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var position = offset
        while position < size {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(position)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError(.unreadable, "\(path): read failed (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            if let newline = buffer[0..<n].firstIndex(of: 10) { return position + newline + 1 }
            position += n
        }
        return size
    }
}
