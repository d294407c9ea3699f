import Foundation
package import RedFlagContract
import RedFlagCore

/// A phone or e-mail that links ads.
package struct LinkKey: Sendable, Hashable {
    package var kind: String
    package var value: String
}

/// A submission checked and normalised before any store writes it: the submission checks every store shares.
///
/// The hash must be the SHA-256 of the raw bytes (checked here only when the caller did not compute it), the score in
/// [0, 1], the evidence offsets inside the text and every number finite; the minor marking (``MinorEvidence``) and the link keys (phones as digits, e-mails lower
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
    /// The typed values: what a store that keeps values rather than text holds.
    package var evidence: [IndicatorHit]
    package var contributions: [Contribution]
    package var entities: Entities
    package var features: [String: Double]
    package var keys: [LinkKey]
    package var rawContent: [UInt8]
    package var contentKind: String
    package var text: String
    /// The evidence points to a minor (``MinorEvidence``): the item goes to the head of the queue.
    package var minor: Bool
    /// The ad's template signature, and the cluster its sender proposed (checked: `t` and 16 hex digits).
    package var template: TemplateSignature?
    package var templateCluster: String?

    /// - Throws: ``QueueError/Code/invalidInput`` naming the submission and what is wrong with it.
    package init(_ s: QueueSubmission) throws {
        func reject(_ why: String) -> QueueError {
            QueueError(.invalidInput, "submission \"\(s.adID)\" rejected: \(why)")
        }
        let sha = s.sha256.lowercased()
        guard SHA256Hex.isValid(sha) else { throw reject("sha256 is not 64 hex digits") }
        // The bytes are hashed once: by whoever read them, unless the hash came from elsewhere.
        guard s.sha256Verified || SHA256Hex.of(s.rawContent) == sha else {
            throw reject("sha256 \(sha) is not the SHA-256 of its raw content (\(s.rawContent.count) bytes)")
        }
        guard s.score.isFinite, (0...1).contains(s.score) else { throw reject("score \(s.score) is not in [0, 1]") }
        guard s.contentKind == "html" || s.contentKind == "text" else {
            throw reject("content kind \"\(s.contentKind)\" is neither html nor text")
        }
        guard !s.adID.isEmpty else { throw reject("the ad id is empty") }
        let scalarCount = s.text.unicodeScalars.count
        for e in s.indicators where e.start < 0 || e.end < e.start || e.end > scalarCount {
            throw reject("evidence \(e.family.rawValue).\(e.entry) has offsets \(e.start)..<\(e.end) outside the text")
        }
        guard s.features.values.allSatisfy(\.isFinite) else { throw reject("the feature vector has NaN or infinity") }
        if let cluster = s.templateCluster, !TemplateMatching.isClusterID(cluster) {
            throw reject("template cluster \"\(cluster)\" is not t and 16 hex digits")
        }
        if let template = s.template, template.values.count != TemplateSignature.count {
            throw reject("the template signature has \(template.values.count) values, not \(TemplateSignature.count)")
        }
        self.template = s.template
        templateCluster = s.template == nil ? nil : s.templateCluster
        minor = MinorEvidence.pointsToMinor(
            families: s.families, evidence: s.indicators, contributions: s.contributions, entities: s.entities)

        sha256 = sha
        adID = s.adID
        url = s.url
        capturedAt = s.capturedAt
        location = s.location.flatMap { $0.isEmpty ? nil : $0 }
        score = s.score
        category = s.category
        families = s.families
        familiesJSON = JSONWriter.text { w in w.array(s.families) { $0.string($1) } }
        // Encoded once, as the scan writes them: the stored text of a scanned ad is the scan line's.
        evidenceJSON = JSONWriter.text { $0.indicators(s.indicators) }
        contributionsJSON = JSONWriter.text { $0.contributions(s.contributions) }
        entitiesJSON = JSONWriter.text { $0.entities(s.entities) }
        // Written by hand: `JSONEncoder` on a few hundred features was a twentieth of the server's CPU per flagged ad.
        featuresJSON = JSONWriter.text { $0.sortedObject(s.features) }
        evidence = s.indicators
        contributions = s.contributions
        entities = s.entities
        features = s.features
        var keys: [LinkKey] = []
        for phone in s.entities.phones {
            let digits = String(
                String.UnicodeScalarView(phone.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }))
            if digits.count >= 7 { keys.append(LinkKey(kind: "phone", value: digits)) }
        }
        for email in s.entities.emails {
            let normal = QueueRules.trimmedOfWhitespace(email).lowercased()
            if normal.utf8.contains(UInt8(ascii: "@")) { keys.append(LinkKey(kind: "email", value: normal)) }
        }
        var seen: Set<LinkKey> = []
        self.keys = keys.filter { seen.insert($0).inserted }
        rawContent = s.rawContent
        contentKind = s.contentKind
        text = s.text
    }
}
