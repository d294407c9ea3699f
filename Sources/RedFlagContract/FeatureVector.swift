/// Sparse named features: what the classifier learns from.
///
/// Names are stable strings (`youth.just_turned_18`, `family.youth`, `entity.phone_obfuscated`, `age.under_18`,
/// `length.200_1000` …) so a model file can list the features it knows and refuse a lexicon that dropped some.
/// Encoded as a JSON object of name → value (what the review queue stores with each item).
public struct FeatureVector: Sendable, Equatable, Codable {
    /// Feature name → value, kept sorted by name for stable output.
    public private(set) var values: [(name: String, value: Double)] = []

    public init() {}

    public init(_ pairs: [String: Double]) {
        values = pairs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Pairs already sorted by name, without duplicates (checked in debug builds).
    public init(sortedPairs: [(name: String, value: Double)]) {
        assert(zip(sortedPairs, sortedPairs.dropFirst()).allSatisfy { $0.name < $1.name }, "pairs not sorted by name")
        values = sortedPairs
    }

    public subscript(name: String) -> Double {
        values.first { $0.name == name }?.value ?? 0
    }

    public var names: [String] { values.map(\.name) }

    public static func == (a: FeatureVector, b: FeatureVector) -> Bool {
        a.values.elementsEqual(b.values) { $0.name == $1.name && $0.value == $1.value }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: Double].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dictionary)
    }

    /// Name → value.
    public var dictionary: [String: Double] {
        Dictionary(values.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
