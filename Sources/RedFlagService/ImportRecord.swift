import Foundation
import RedFlagCore
public import RedFlagContract
public import RedFlagQueue
public import RedFlagFeatures
import RedFlagIngest

/// One line of `queue import`: an assessed ad from another tool (or an earlier export), as JSON.
///
/// Evidence is the contract's ``IndicatorHit`` (canonical families only); contributions and entities are read as
/// the queue reads its stored columns (``StoredJSON``): a contribution without its family, entities with keys
/// missing.
public struct ImportRecord: Decodable, Sendable {
    public var id: String
    public var url: String?
    public var capturedAt: String?
    public var score: Double
    public var category: String?
    public var families: [String]?
    public var evidence: [IndicatorHit]?
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        capturedAt = try c.decodeIfPresent(String.self, forKey: .capturedAt)
        score = try c.decode(Double.self, forKey: .score)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        families = try c.decodeIfPresent([String].self, forKey: .families)
        evidence = try c.decodeIfPresent([IndicatorHit].self, forKey: .evidence)
        contributions = try c.decodeIfPresent([StoredContribution].self, forKey: .contributions)?.map(\.contribution)
        entities = try c.decodeIfPresent(StoredEntities.self, forKey: .entities)?.entities
        location = try c.decodeIfPresent(String.self, forKey: .location)
        html = try c.decodeIfPresent(String.self, forKey: .html)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        mainText = try c.decodeIfPresent(String.self, forKey: .mainText)
        features = try c.decodeIfPresent([String: Double].self, forKey: .features)
    }

    /// The queue submission: the content's UTF-8 is the raw copy, hashed here (once).
    public func submission() throws -> QueueSubmission {
        guard let content = html ?? text else {
            throw QueueError(.invalidInput, "submission \"\(id)\" has neither html nor text")
        }
        let raw = Array(content.utf8)
        return QueueSubmission(
            sha256: sha256Hex(raw), sha256Verified: true, adID: id, url: url, capturedAt: capturedAt, score: score,
            category: category, families: families ?? [], indicators: evidence ?? [],
            contributions: contributions ?? [], entities: entities ?? Entities(), location: location,
            rawContent: raw, contentKind: html != nil ? "html" : "text", text: mainText ?? content,
            features: features ?? [:])
    }
}

extension ImportRecord {
    /// ``submission()`` with the ad's template signed, as a scan signs it (`main_text` when given, else the text
    /// or the page's visible text), so an imported item clusters like a scanned one; a removed ad's page gets none.
    public func submission(signingWith extractor: FeatureExtractor, scratch: FeatureScratch) throws -> QueueSubmission {
        var submission = try submission()
        let text: String?
        if let mainText {
            text = mainText
        } else if let html {
            text = try? HTMLExtractor().extract(.htmlString(html)).text
        } else {
            text = self.text
        }
        if let text, RemovedAdNotice.ownTextEnd(in: text) == nil {
            submission.template = extractor.templateSignature(ofText: text, scratch: scratch)
        }
        return submission
    }
}
