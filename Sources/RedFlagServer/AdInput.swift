import Foundation
import RedFlagIngest

/// One ad posted to `POST /v1/ads` as JSON: `{"id", "url"?, "html"? | "text"?, "captured_at"?}`, the same record a
/// JSONL dump line holds (DESIGN.md, "Input records").
///
/// Decoding is strict where a dump reader is lenient: a request is one ad, so a missing id, a wrong type or both
/// `html` and `text` are the client's mistake, answered with 400 naming the field, and nothing is scored or stored.
struct AdInput: Decodable {
    var id: String
    var url: String?
    var html: String?
    var text: String?
    var capturedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, url, html, text
        case capturedAt = "captured_at"
    }

    /// Decodes and checks a JSON body.
    static func decode(_ bytes: [UInt8]) throws -> AdInput {
        let input: AdInput
        do {
            input = try JSONDecoder().decode(AdInput.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw Self.describe(error)
        }
        guard !input.id.isEmpty else { throw APIError.badRequest("invalid_field", "`id` must not be empty") }
        switch (input.html, input.text) {
        case (nil, nil):
            throw APIError.badRequest("missing_field", "the ad needs `html` or `text`")
        case (.some, .some):
            throw APIError.badRequest("invalid_field", "the ad has both `html` and `text`; send one")
        default:
            return input
        }
    }

    /// The record the scanner reads: HTML that is already Unicode (a JSON string), or plain text.
    var record: AdRecord {
        let content: AdRecord.Content = html.map { .htmlString($0) } ?? .text(text ?? "")
        return AdRecord(id: id, url: url, capturedAt: capturedAt, content: content, origin: "request")
    }

    /// A 400 naming what was wrong, in the client's field names.
    static func describe(_ error: DecodingError) -> APIError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the body" : "`" + keys.map(\.stringValue).joined(separator: ".") + "`"
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .badRequest("malformed_json", "the body is not valid JSON")
            }
            return .badRequest("invalid_field", "\(path(context.codingPath)) is not valid")
        case .keyNotFound(let key, let context):
            return .badRequest("missing_field", "\(path(context.codingPath + [key])) is required")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let expected = type == String.self ? "a string" : context.codingPath.isEmpty ? "a JSON object" : "\(type)"
            return .badRequest("wrong_type", "\(path(context.codingPath)) must be \(expected)")
        @unknown default:
            return .badRequest("malformed_json", "the body is not a valid ad")
        }
    }
}
