import Foundation
import RedFlagQueue
import RedFlagService

// The JSON bodies the queue routes accept. Decoding is strict (wrong types are 400 naming the field) and none of
// them has a reviewer: the reviewer is the token's name.

/// Decodes a JSON body into `T`, mapping decoding failures to 400 (``AdInput/describe(_:)``); an empty body reads
/// as `{}`.
func decodeBody<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    let body = bytes.allSatisfy { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 } ? Array("{}".utf8) : bytes
    try refuseReviewerField(body)
    do {
        return try JSONDecoder().decode(T.self, from: Data(body))
    } catch let error as DecodingError {
        throw AdInput.describe(error)
    }
}

/// A `reviewer` (or `author`) field is refused rather than ignored, so a client that expects to name the reviewer
/// learns at once that the token does.
private func refuseReviewerField(_ body: [UInt8]) throws {
    guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return }
    for key in ["reviewer", "author", "actor"] where object[key] != nil {
        throw APIError.badRequest(
            "invalid_field", "`\(key)` is not accepted: the reviewer recorded is the bearer token's name")
    }
}

/// `POST /v1/queue/claim`.
struct ClaimRequest: Decodable {
    /// Lease in seconds (default: the server's `--lease`).
    var leaseSeconds: Double?

    enum CodingKeys: String, CodingKey { case leaseSeconds = "lease_seconds" }
}

/// `POST /v1/queue/{id}/decision`.
struct DecisionRequest: Decodable {
    var verdict: Verdict
    var severity: Int?
    var note: String?
    var claimToken: String?

    enum CodingKeys: String, CodingKey {
        case verdict, severity, note
        case claimToken = "claim_token"
    }
}

/// `POST /v1/queue/{id}/release`.
struct ReleaseRequest: Decodable {
    var claimToken: String?

    enum CodingKeys: String, CodingKey { case claimToken = "claim_token" }
}

/// `POST /v1/queue/{id}/notes`.
struct NoteRequest: Decodable {
    var text: String
}

/// `POST /v1/queue/{id}/release`'s reply, as `queue release --format json` prints it.
struct ReleaseReply: Encodable {
    var id: Int64
    var released: Bool
}

/// `GET /v1/queue`'s reply: one page in priority order and the cursor of the next.
struct ListReply: Encodable {
    var items: [ItemSummary]
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
