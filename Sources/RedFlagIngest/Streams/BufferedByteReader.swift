/// Reads lines and fixed-size blocks from a ``ByteStream`` through one reusable buffer.
///
/// Lines and blocks longer than a caller's limit are skipped without being held in memory, which is what keeps a
/// scan's resident memory flat on dumps with absurd records.
final class BufferedByteReader {
    private var stream: any ByteStream
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// Bytes consumed so far from the stream (for error positions), minus bytes handed back with ``unread(_:)``.
    private(set) var offset = 0
    /// Bytes handed back with ``unread(_:)``, read again before the stream.
    private var pushback: [UInt8] = []
    private var pushbackStart = 0

    init(_ stream: any ByteStream, chunkSize: Int = 256 * 1024) {
        self.stream = stream
        self.buffer = .allocate(capacity: chunkSize)
    }

    deinit { buffer.deallocate() }

    /// Result of reading one line.
    enum Line {
        case line([UInt8])
        /// The line was longer than the limit; its bytes were skipped. `length` excludes the newline.
        case tooLong(length: Int)
    }

    /// Reads from the bytes handed back first, then from the stream.
    private func readSource(into target: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        if pushbackStart < pushback.count {
            let n = min(target.count, pushback.count - pushbackStart)
            pushback.withUnsafeBytes { source in
                target.baseAddress!.copyMemory(from: source.baseAddress! + pushbackStart, byteCount: n)
            }
            pushbackStart += n
            if pushbackStart == pushback.count {
                pushback = []
                pushbackStart = 0
            }
            return n
        }
        return try stream.read(into: target)
    }

    /// Hands `bytes` back: the next reads return them first, then what was buffered. A reader that finds out
    /// too late where a record ends (a WARC `Content-Length` that lies) gives back what belongs to the next one.
    func unread(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        var back = bytes
        back.append(contentsOf: buffer[start..<end])
        back.append(contentsOf: pushback[pushbackStart...])
        pushback = back
        pushbackStart = 0
        start = 0
        end = 0
        atEnd = false
        offset -= bytes.count
    }

    /// Makes sure at least one unread byte is buffered; false at the end of the stream.
    private func fill() throws(IngestError) -> Bool {
        if start < end { return true }
        if atEnd { return false }
        start = 0
        end = 0
        let n = try readSource(into: UnsafeMutableRawBufferPointer(buffer))
        if n == 0 {
            atEnd = true
            return false
        }
        end = n
        return true
    }

    /// Peeks at up to `count` bytes without consuming them (fewer near the end of the stream).
    func peek(_ count: Int) throws(IngestError) -> [UInt8] {
        if end - start < count && !atEnd {
            // Compact, then read until `count` bytes are buffered or the stream ends.
            if start > 0 {
                let raw = UnsafeMutableRawBufferPointer(buffer)
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                end -= start
                start = 0
            }
            while end < count && !atEnd {
                let n = try readSource(into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[end...]))
                if n == 0 { atEnd = true } else { end += n }
            }
        }
        return Array(buffer[start..<min(end, start + count)])
    }

    /// Reads one line without its `\n` (and a `\r` before it); nil at the end of the stream.
    func readLine(limit: Int) throws(IngestError) -> Line? {
        guard try fill() else { return nil }
        var line = [UInt8]()
        var length = 0
        var overflow = false
        while try fill() {
            let found = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n"))
            let stop = found ?? end
            let piece = stop - start
            length += piece
            if !overflow {
                if length > limit {
                    overflow = true
                    line = []
                } else {
                    line.append(contentsOf: buffer[start..<stop])
                }
            }
            offset += piece
            start = stop
            if found != nil {
                start += 1
                offset += 1
                break
            }
        }
        if overflow { return .tooLong(length: length) }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .line(line)
    }

    /// Reads exactly `count` bytes, or fewer if the stream ends first.
    func read(count: Int) throws(IngestError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(min(count, 1 << 20))
        while out.count < count, try fill() {
            let take = min(count - out.count, end - start)
            out.append(contentsOf: buffer[start..<(start + take)])
            start += take
            offset += take
        }
        return out
    }

    /// Skips `count` bytes; returns how many were skipped (fewer if the stream ends first).
    @discardableResult
    func skip(count: Int) throws(IngestError) -> Int {
        var skipped = 0
        while skipped < count, try fill() {
            let take = min(count - skipped, end - start)
            start += take
            skipped += take
        }
        offset += skipped
        return skipped
    }

    /// Reads the next byte; nil at the end.
    func readByte() throws(IngestError) -> UInt8? {
        guard try fill() else { return nil }
        let b = buffer[start]
        start += 1
        offset += 1
        return b
    }

    /// Whether the stream has no more bytes.
    func isAtEnd() throws(IngestError) -> Bool { try !fill() }
}
