import Foundation

/// A model as stored under `Models/`: readable JSON a reviewer's lead can open, diff and audit.
///
/// One file holds either a suspicion model (binary: suspicious vs benign, with calibration and a threshold) or a
/// category model (escort, massage, dating, other). It lists its feature names, so a lexicon that no longer defines
/// one of them is refused rather than silently scoring with a missing feature; and it records how it was made
/// (data files and their SHA-256, lexicon hash, options, date) and the metrics it reached.
public struct ModelFile: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public enum Kind: String, Codable, Sendable {
        case suspicion
        case category
    }

    public struct Calibration: Codable, Sendable, Equatable {
        /// `platt` or `isotonic`.
        public var method: String
        public var platt: PlattCalibration?
        public var isotonic: IsotonicCalibration?

        public init(method: String, platt: PlattCalibration?, isotonic: IsotonicCalibration?) {
            self.method = method
            self.platt = platt
            self.isotonic = isotonic
        }
    }

    public struct DataFile: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var records: Int

        public init(path: String, sha256: String, records: Int) {
            self.path = path
            self.sha256 = sha256
            self.records = records
        }
    }

    public struct Provenance: Codable, Sendable, Equatable {
        public var dataFiles: [DataFile]
        public var lexiconSHA256: String
        public var options: [String: String]
        public var trainedAt: String
        public var tool: String
        public var notes: [String]

        public init(
            dataFiles: [DataFile], lexiconSHA256: String, options: [String: String], trainedAt: String, tool: String,
            notes: [String] = []
        ) {
            self.dataFiles = dataFiles
            self.lexiconSHA256 = lexiconSHA256
            self.options = options
            self.trainedAt = trainedAt
            self.tool = tool
            self.notes = notes
        }
    }

    public var schemaVersion: Int
    public var kind: Kind
    public var name: String
    public var featureNames: [String]
    /// Suspicion: one weight per feature. Category: one row per class.
    public var weights: [[Double]]
    public var intercepts: [Double]
    /// Category names (category models) or `["benign", "suspicious"]`.
    public var classes: [String]
    public var calibration: Calibration?
    /// Calibrated probability at or above which an ad is flagged (suspicion models).
    public var threshold: Double?
    public var provenance: Provenance
    /// Cross-validated metrics, by name (`roc_auc`, `average_precision`, `ece`, `precision`, `recall`, `f1`,
    /// `macro_f1` …), and `selection_*` figures on the data the threshold was chosen on.
    public var metrics: [String: Double]
    /// Suspicion models: the features learned from, their sign constraints and category scopes. Nil in models made
    /// before policies (every feature, no scopes).
    public var policy: FeaturePolicy?

    public init(
        schemaVersion: Int, kind: Kind, name: String, featureNames: [String], weights: [[Double]], intercepts: [Double],
        classes: [String], calibration: Calibration?, threshold: Double?, provenance: Provenance,
        metrics: [String: Double], policy: FeaturePolicy? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.kind = kind
        self.name = name
        self.featureNames = featureNames
        self.weights = weights
        self.intercepts = intercepts
        self.classes = classes
        self.calibration = calibration
        self.threshold = threshold
        self.provenance = provenance
        self.metrics = metrics
        self.policy = policy
    }

    /// Pretty-printed JSON with sorted keys, so two model files diff line by line.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(self)) + [10]
    }
}
