internal import CZlib

/// Inflates a gzip (or zlib) stream as it is read, member after member.
///
/// `.warc.gz` files are one gzip member per record and `cat a.gz b.gz` is a valid gzip file, so at the end of one
/// member the stream resets and continues with the next. Memory is two fixed 256 KiB buffers whatever the size of
/// the file. Wraps zlib's `inflate`; the `z_stream` is owned by this object and freed on deinit.
final class GzipByteStream: ByteStream {
    private var source: any ByteStream
    private let name: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var finished = false
    private var consumedInput = 0

    init(wrapping source: any ByteStream, name: String) throws(IngestError) {
        self.source = source
        self.name = name
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

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        if finished || buffer.isEmpty { return 0 }
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(clamping: buffer.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !inputEnded {
                let n = try source.read(into: input)
                if n == 0 {
                    inputEnded = true
                } else {
                    stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_in = UInt32(n)
                }
            }
            if stream.avail_in == 0 && inputEnded {
                // A stream that ends inside a member is truncated; one that ends between members is done
                // (`inflateReset` sets `total_in` back to 0 at each member boundary).
                if stream.total_in > 0 {
                    throw IngestError(.badGzip, "\(name): compressed stream ends in the middle of a member")
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
                if stream.avail_in == 0 && inputEnded { finished = true }
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "error \(rc)"
                throw IngestError(
                    .badGzip, "\(name): corrupt gzip data near compressed byte \(consumedInput) (\(detail))")
            }
            if rc == Z_STREAM_END && finished { break }
        }
        return buffer.count - Int(stream.avail_out)
    }
}

/// Whether `bytes` start with the gzip magic number.
func isGzip<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    var it = bytes.makeIterator()
    return it.next() == 0x1f && it.next() == 0x8b
}

/// Inflates a whole gzip, zlib or raw-deflate payload in memory, refusing output past `limit` bytes.
///
/// HTTP's `Content-Encoding: deflate` is meant to be zlib-wrapped but some servers send raw deflate, so `raw`
/// retries without a header. Throws ``IngestError/Code/tooLarge`` past the limit (a decompression bomb stops there).
func inflatePayload(_ compressed: [UInt8], raw: Bool = false, limit: Int, name: String) throws(IngestError) -> [UInt8] {
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
    guard rc == Z_STREAM_END || (rc == Z_OK && stream.avail_in == 0) else {
        if !raw && rc == Z_DATA_ERROR { return try inflatePayload(compressed, raw: true, limit: limit, name: name) }
        throw IngestError(.badPayload, "\(name): compressed payload is corrupt (zlib \(rc))")
    }
    return output
}
