import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reads a request body into memory within a byte limit, and refuses binary bodies.
///
/// The limit is checked against `Content-Length` before anything is read, and again while reading (a chunked body
/// has no length), so an oversize body is answered with 413 after at most the limit in memory.
enum RequestBodyReader {
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError.tooLarge(limit: limit)
        }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= limit else { throw APIError.tooLarge(limit: limit) }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// Refuses a body that is not text: a gzip, zip or zstd stream's magic, a NUL byte outside UTF-16, or a start
    /// where more than one byte in ten is a control character. Pages in legacy 8-bit encodings (Latin-1,
    /// Windows-1252) pass, and so do UTF-16 pages, with or without a byte-order mark, which the scanner reads as it
    /// reads such files.
    static func checkText(_ bytes: [UInt8]) throws {
        let binary = APIError(
            .unsupportedMediaType, code: "binary_body",
            message: "the request body is binary data; send HTML, plain text or JSON")
        for magic: [UInt8] in [[0x1f, 0x8b], [0x50, 0x4b, 0x03, 0x04], [0x28, 0xb5, 0x2f, 0xfd]]
        where bytes.starts(with: magic) {
            throw binary
        }
        let head = Array(bytes.prefix(4096))
        if isUTF16(head) { return }
        // memchr rather than `contains`: a whole body of up to megabytes is searched for every request.
        if bytes.withUnsafeBytes({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) { throw binary }
        let control = head.reduce(0) { count, byte in
            count + ((byte < 0x20 && byte != 0x09 && byte != 0x0a && byte != 0x0d && byte != 0x0c) || byte == 0x7f ? 1 : 0)
        }
        if control * 10 > head.count { throw binary }
    }

    /// A byte-order mark, or the shape of UTF-16 text without one: NUL bytes in at least a third of the even (or of
    /// the odd) positions and none in the others.
    private static func isUTF16(_ head: [UInt8]) -> Bool {
        if head.starts(with: [0xff, 0xfe]) || head.starts(with: [0xfe, 0xff]) { return true }
        guard head.count >= 16 else { return false }
        var zeros = (even: 0, odd: 0)
        for (index, byte) in head.enumerated() where byte == 0 {
            if index % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
        }
        let half = head.count / 2
        return (zeros.even * 3 >= half && zeros.odd == 0) || (zeros.odd * 3 >= half && zeros.even == 0)
    }

    /// The media type of `Content-Type` without parameters, lower-cased; nil when absent.
    static func mediaType(of request: Request) -> String? {
        guard let header = request.headers[.contentType] else { return nil }
        return header.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingASCII(" \t").lowercased()
        }
    }

    /// The `charset` parameter of `Content-Type`, when given.
    static func charset(of request: Request) -> String? {
        guard let header = request.headers[.contentType] else { return nil }
        for parameter in header.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingASCII(" \t").lowercased() == "charset" {
                return pair[1].trimmingASCII(" \"'")
            }
        }
        return nil
    }
}

extension Substring {
    /// The substring without the given ASCII characters at either end: header values are ASCII, and Foundation's
    /// `trimmingCharacters(in:)` cost more than the rest of the header's parsing.
    func trimmingASCII(_ characters: StaticString) -> String {
        let set = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, set.contains(bytes[start]) { start = bytes.index(after: start) }
        while end > start, set.contains(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return String(self[start..<end])
    }
}
