import Foundation
import RedFlagCore
public import RedFlagQueue

/// One line of `queue import`: an assessed ad from another tool (or an earlier export), as JSON.
///
/// Evidence, contributions and entities are read as the queue stores them (the queue's own types, until the queue
/// takes the contract types in the next step of issue 15).
public struct ImportRecord: Decodable, Sendable {
    public var id: String
    public var url: String?
    public var capturedAt: String?
    public var score: Double
    public var category: String?
    public var families: [String]?
    public var evidence: [Evidence]?
    public var contributions: [Contribution]?
    public var entities: Entities?
    public var location: String?
    public var html: String?
    public var text: String?
    public var mainText: String?
    public var features: [String: Double]?

    enum CodingKeys: String, CodingKey {
        case id, url, score, category, families, evidence, contributions, entities, location, html, text, features
        case capturedAt = "captured_at"
        case mainText = "main_text"
    }

    /// The queue submission: the content's UTF-8 is the raw copy, hashed here.
    public func submission() throws -> QueueSubmission {
        guard let content = html ?? text else {
            throw QueueError(.invalidInput, "submission \"\(id)\" has neither html nor text")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        let raw = Array(content.utf8)
        let entities = self.entities ?? Entities()
        return QueueSubmission(
            sha256: sha256Hex(raw), adID: id, url: url, capturedAt: capturedAt, score: score, category: category,
            families: families ?? [], evidenceJSON: try json(evidence ?? []),
            contributionsJSON: try json(contributions ?? []), entitiesJSON: try json(entities),
            phones: entities.phones, emails: entities.emails, location: location, rawContent: raw,
            contentKind: html != nil ? "html" : "text", text: mainText ?? content, features: features ?? [:])
    }
}
