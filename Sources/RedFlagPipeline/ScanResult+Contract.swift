public import RedFlagContract
public import RedFlagIngest
import RedFlagFeatures

extension ScanResult {
    /// The result as the contract states it (a scan output line's content): what a server replies and what the
    /// review queue will take.
    public var adAssessment: AdAssessment {
        AdAssessment(
            id: id, url: url, sha256: sha256, capturedAt: capturedAt, assessment: assessment,
            families: features?.families, indicators: features?.indicators, entities: features?.entities,
            warnings: warnings.map(\.problem), error: error?.problem)
    }
}

extension IngestError {
    /// The error as the contract carries it: its code and the library's message (no front end's advice).
    public var problem: AdAssessment.Problem { AdAssessment.Problem(code: code.rawValue, message: message) }
}
