import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RedFlagQueue

/// Replies with JSON in the queue's conventions (``QueueJSON``: snake_case, sorted keys, RFC 3339 times), so the
/// server answers with the same documents `redflag queue … --format json` prints.
enum JSONReply {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var bytes = Array(try QueueJSON.encoder().encode(value))
        bytes.append(0x0a)
        return response(bytes: bytes, status: status)
    }

    /// A reply from JSON already written (a scan line).
    static func response(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
