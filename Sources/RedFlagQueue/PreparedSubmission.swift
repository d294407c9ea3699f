import Foundation

/// A phone or e-mail that links ads.
package struct LinkKey: Sendable, Hashable {
    package var kind: String
    package var value: String
}

/// A submission checked and normalised before any store writes it: the submission checks every store shares.
///
/// The hash must be the SHA-256 of the raw bytes, the score in [0, 1], the evidence offsets inside the text and the
/// JSON fields decodable; the minor marking (``MinorEvidence``) and the link keys (phones as digits, e-mails lower
/// case, each once) are derived here, so two stores judge and link the same submission alike.
package struct PreparedSubmission: Sendable, Hashable {
    package var sha256: String
    package var adID: String
    package var url: String?
    package var capturedAt: String?
    package var location: String?
    package var score: Double
    package var category: String?
    package var families: [String]
    package var familiesJSON: String
    package var evidenceJSON: String
    package var contributionsJSON: String
    package var entitiesJSON: String
    package var featuresJSON: String
    /// The JSON fields decoded (once, to check them): what a store that keeps values rather than text holds.
    package var evidence: [Evidence]
    package var contributions: [Contribution]
    package var entities: Entities
    package var features: [String: Double]
    package var keys: [LinkKey]
    package var rawContent: [UInt8]
    package var contentKind: String
    package var text: String
    /// The evidence points to a minor (``MinorEvidence``): the item goes to the head of the queue.
    package var minor: Bool

    /// - Throws: ``QueueError/Code/invalidInput`` naming the submission and what is wrong with it.
    package init(_ s: QueueSubmission) throws {
        func reject(_ why: String) -> QueueError {
            QueueError(.invalidInput, "submission \"\(s.adID)\" rejected: \(why)")
        }
        let sha = s.sha256.lowercased()
        guard SHA256Hex.isValid(sha) else { throw reject("sha256 is not 64 hex digits") }
        guard SHA256Hex.of(s.rawContent) == sha else {
            throw reject("sha256 \(sha) is not the SHA-256 of its raw content (\(s.rawContent.count) bytes)")
        }
        guard s.score.isFinite, (0...1).contains(s.score) else { throw reject("score \(s.score) is not in [0, 1]") }
        guard s.contentKind == "html" || s.contentKind == "text" else {
            throw reject("content kind \"\(s.contentKind)\" is neither html nor text")
        }
        guard !s.adID.isEmpty else { throw reject("the ad id is empty") }
        let decoder = JSONDecoder()
        let evidence: [Evidence]
        do {
            evidence = try decoder.decode([Evidence].self, from: Data(s.evidenceJSON.utf8))
        } catch {
            throw reject("evidence is not a JSON array of {family, feature, match, start, end}")
        }
        let scalarCount = s.text.unicodeScalars.count
        for e in evidence where e.start < 0 || e.end < e.start || e.end > scalarCount {
            throw reject("evidence \(e.family).\(e.feature) has offsets \(e.start)..<\(e.end) outside the text")
        }
        let contributions: [Contribution]
        do {
            contributions = try decoder.decode([Contribution].self, from: Data(s.contributionsJSON.utf8))
        } catch {
            throw reject("contributions is not a JSON array of {feature, weight}")
        }
        let entities: Entities
        do {
            entities = try decoder.decode(Entities.self, from: Data(s.entitiesJSON.utf8))
        } catch {
            throw reject("entities is not a JSON object of phones, emails, ages, prices")
        }
        minor = MinorEvidence.pointsToMinor(
            families: s.families, evidence: evidence, contributions: contributions, entities: entities)
        guard s.features.values.allSatisfy(\.isFinite) else { throw reject("the feature vector has NaN or infinity") }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        sha256 = sha
        adID = s.adID
        url = s.url
        capturedAt = s.capturedAt
        location = s.location.flatMap { $0.isEmpty ? nil : $0 }
        score = s.score
        category = s.category
        families = s.families
        familiesJSON = String(decoding: try encoder.encode(s.families), as: UTF8.self)
        evidenceJSON = s.evidenceJSON
        contributionsJSON = s.contributionsJSON
        entitiesJSON = s.entitiesJSON
        featuresJSON = String(decoding: try encoder.encode(s.features), as: UTF8.self)
        self.evidence = evidence
        self.contributions = contributions
        self.entities = entities
        features = s.features
        var keys: [LinkKey] = []
        for phone in s.phones {
            let digits = String(
                String.UnicodeScalarView(phone.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }))
            if digits.count >= 7 { keys.append(LinkKey(kind: "phone", value: digits)) }
        }
        for email in s.emails {
            let normal = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if normal.contains("@") { keys.append(LinkKey(kind: "email", value: normal)) }
        }
        var seen: Set<LinkKey> = []
        self.keys = keys.filter { seen.insert($0).inserted }
        rawContent = s.rawContent
        contentKind = s.contentKind
        text = s.text
    }
}
