internal import CZlib

/// Inflates a gzip (or zlib) stream as it is read, member after member.
///
/// `.warc.gz` files are one gzip member per record and `cat a.gz b.gz` is a valid gzip file, so at the end of one
/// member the stream resets and continues with the next. Memory is two fixed 256 KiB buffers whatever the size of
/// the file. Wraps zlib's `inflate`; the `z_stream` is owned by this object and freed on deinit.
///
/// Damage never costs the bytes before it: what was inflated before a corrupt or truncated spot is handed out
/// first, and the error comes with the next read. With a ``StreamDamage`` log, a corrupt member is skipped instead:
/// the stream looks for the next gzip member header, notes the gap in the log and goes on, so the records in later
/// members still come out (the reader above reports the gap). A stream that ends inside a member is truncated: an
/// error, after everything before the cut.
final class GzipByteStream: ByteStream {
    private var source: any ByteStream
    private let name: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var finished = false
    /// Compressed bytes handed to zlib so far, and where the current member began.
    private var consumedInput = 0
    private var memberStart = 0
    /// Decompressed bytes handed out so far.
    private var produced = 0
    /// An error found after some output of the same call: thrown by the next call, after that output was used.
    private var pendingError: IngestError?
    private let damage: StreamDamage?

    init(wrapping source: any ByteStream, name: String, damage: StreamDamage? = nil) throws(IngestError) {
        self.source = source
        self.name = name
        self.damage = damage
        self.input = .allocate(byteCount: 256 * 1024, alignment: 16)
        // 15 + 32: accept both gzip and zlib headers, with the largest window.
        guard CZlib_inflateInit2(&stream, 15 + 32) == Z_OK else {
            input.deallocate()
            throw IngestError(.badGzip, "\(name): cannot start gzip decoding")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    /// Reads more compressed input when zlib has used all it had; false when the source is exhausted.
    private func refill() throws(IngestError) -> Bool {
        if stream.avail_in > 0 { return true }
        if inputEnded { return false }
        let n = try source.read(into: input)
        if n == 0 {
            inputEnded = true
            return false
        }
        damage?.compressedBytesRead += n
        stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_in = UInt32(n)
        return true
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        if let error = pendingError {
            pendingError = nil
            finished = true
            throw error
        }
        if finished || buffer.isEmpty { return 0 }
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(clamping: buffer.count)
        func made() -> Int { buffer.count - Int(stream.avail_out) }
        func fail(_ error: IngestError) throws(IngestError) -> Int {
            // What this call inflated before the damage is handed out first; the error comes with the next call.
            let n = made()
            produced += n
            if n == 0 {
                finished = true
                throw error
            }
            pendingError = error
            return n
        }
        while stream.avail_out > 0 {
            if !(try refill()) {
                // A stream that ends inside a member is truncated; one that ends between members is done
                // (`inflateReset` sets `total_in` back to 0 at each member boundary).
                if stream.total_in > 0 {
                    return try fail(
                        IngestError(
                            .badGzip,
                            "\(name): the compressed stream ends in the middle of a gzip member (at compressed byte \(consumedInput), after \(produced + made()) decompressed bytes): the file is truncated"
                        ))
                }
                finished = true
                break
            }
            let before = stream.avail_in
            let rc = inflate(&stream, Z_NO_FLUSH)
            consumedInput += Int(before - stream.avail_in)
            switch rc {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                inflateReset(&stream)
                memberStart = consumedInput
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                guard let damage else {
                    return try fail(
                        IngestError(
                            .badGzip, "\(name): corrupt gzip data near compressed byte \(consumedInput) (\(detail))"))
                }
                let gapAt = produced + made()
                let resumed = try resynchronize()
                damage.record(
                    StreamDamage.Gap(
                        decompressedOffset: gapAt, memberStart: memberStart, resumedAt: resumed, detail: detail))
                guard let resumed else {
                    finished = true
                    let n = made()
                    produced += n
                    return n
                }
                memberStart = resumed
            }
        }
        let n = made()
        produced += n
        return n
    }

    /// Skips to the next gzip member header (`1f 8b 08`) after a corrupt spot and restarts zlib there. Returns the
    /// compressed offset of that member, or nil when the input ends first.
    private func resynchronize() throws(IngestError) -> Int? {
        inflateReset(&stream)
        // Never the header of the member that just failed: search from one byte past its start at least.
        var searchFrom = max(consumedInput, memberStart + 1)
        // Bytes zlib consumed past `searchFrom` are gone from the buffer; search what is left from there.
        while true {
            guard try refill() else { return nil }
            let available = Int(stream.avail_in)
            let base = stream.next_in!
            var i = 0
            // Candidates must start at or after `searchFrom`; `consumedInput` is the offset of `base`.
            if consumedInput < searchFrom { i = min(available, searchFrom - consumedInput) }
            while i + 2 < available {
                if base[i] == 0x1f && base[i + 1] == 0x8b && base[i + 2] == 0x08 {
                    stream.next_in = base + i
                    stream.avail_in = UInt32(available - i)
                    consumedInput += i
                    return consumedInput
                }
                i += 1
            }
            // Keep the last two bytes (a header may straddle two reads) by moving them to the buffer's start.
            let keep = min(2, available)
            let dropped = available - keep
            let raw = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
            for k in 0..<keep { raw[k] = base[dropped + k] }
            consumedInput += dropped
            searchFrom = max(searchFrom, consumedInput)
            if inputEnded { return nil }
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: input[keep...]))
            if n == 0 {
                inputEnded = true
                stream.avail_in = 0
                consumedInput += keep
                return nil
            }
            damage?.compressedBytesRead += n
            stream.next_in = raw
            stream.avail_in = UInt32(keep + n)
        }
    }
}

/// Whether `bytes` start with the gzip magic number.
func isGzip<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    var it = bytes.makeIterator()
    return it.next() == 0x1f && it.next() == 0x8b
}

/// What ``inflatePayload(_:raw:limit:name:)`` made of a payload: the bytes, and whether the compressed data ended
/// before the end of its stream (a cut-off download: the bytes are a prefix of the page).
struct InflatedPayload {
    var bytes: [UInt8]
    var truncated: Bool
}

/// Inflates a whole gzip, zlib or raw-deflate payload in memory, refusing output past `limit` bytes.
///
/// HTTP's `Content-Encoding: deflate` is meant to be zlib-wrapped but some servers send raw deflate, so `raw`
/// retries without a header. Throws ``IngestError/Code/tooLarge`` past the limit (a decompression bomb stops there).
/// Compressed data that simply stops (a truncated download) gives what it inflated, marked truncated.
func inflatePayload(_ compressed: [UInt8], raw: Bool = false, limit: Int, name: String) throws(IngestError)
    -> InflatedPayload
{
    var stream = z_stream()
    guard CZlib_inflateInit2(&stream, raw ? -15 : 15 + 32) == Z_OK else {
        throw IngestError(.badPayload, "\(name): cannot start decompression")
    }
    defer { inflateEnd(&stream) }
    var output = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var rc: Int32 = Z_OK
    compressed.withUnsafeBufferPointer { input in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        repeat {
            chunk.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                rc = inflate(&stream, Z_NO_FLUSH)
                output.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
            }
        } while rc == Z_OK && output.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
    }
    if output.count > limit {
        throw IngestError(.tooLarge, "\(name): decompressed payload exceeds the \(limit)-byte limit")
    }
    if rc == Z_STREAM_END { return InflatedPayload(bytes: output, truncated: false) }
    // Z_OK (or Z_BUF_ERROR: no progress possible) with all input used: the data stops before its end.
    if (rc == Z_OK || rc == Z_BUF_ERROR) && stream.avail_in == 0 && stream.total_in > 0 {
        return InflatedPayload(bytes: output, truncated: true)
    }
    if !raw && rc == Z_DATA_ERROR { return try inflatePayload(compressed, raw: true, limit: limit, name: name) }
    throw IngestError(.badPayload, "\(name): compressed payload is corrupt (zlib \(rc))")
}
