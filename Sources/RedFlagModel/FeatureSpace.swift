public import RedFlagContract

/// The ordered list of feature names a model knows, and the map from a sparse ``FeatureVector`` to a row.
///
/// Features the model never saw are dropped when scoring: a lexicon entry added after training has no weight
/// until the model is retrained, which is the safe reading.
public struct FeatureSpace: Sendable, Equatable {
    public let names: [String]
    /// ``group(of:)`` of each name, computed once: explanations need it for every scored ad.
    public let groups: [String]
    private let index: [String: Int32]

    public init(names: [String]) {
        self.names = names
        self.groups = names.map(FeatureSpace.group(of:))
        var index: [String: Int32] = [:]
        for (k, name) in names.enumerated() { index[name] = Int32(k) }
        self.index = index
    }

    /// Every feature that occurs in at least `minimumCount` vectors, sorted by name (stable across runs).
    public init(covering vectors: [FeatureVector], minimumCount: Int = 1) {
        var counts: [String: Int] = [:]
        for vector in vectors {
            for (name, value) in vector.values where value != 0 { counts[name, default: 0] += 1 }
        }
        self.init(names: counts.filter { $0.value >= minimumCount }.map(\.key).sorted())
    }

    public var count: Int { names.count }

    public func position(of name: String) -> Int? { index[name].map(Int.init) }

    /// The row for `vector`: known features in increasing index order.
    public func row(_ vector: FeatureVector) -> SparseRow {
        var pairs: [(Int32, Double)] = []
        pairs.reserveCapacity(vector.values.count)
        for (name, value) in vector.values where value != 0 {
            if let i = index[name] { pairs.append((i, value)) }
        }
        pairs.sort { $0.0 < $1.0 }
        return SparseRow(indices: pairs.map(\.0), values: pairs.map(\.1))
    }

    public static func == (a: FeatureSpace, b: FeatureSpace) -> Bool { a.names == b.names }
}

extension FeatureSpace {
    /// The family a feature's evidence belongs to, for grouping explanations: `youth.just_turned_18` and
    /// `family.youth` → `youth`; `entity.phone_obfuscated` → `obfuscated_phone`; `age.under_18` → `underage_age`;
    /// other facts (`entity.*`, `age.*`, `emoji.*`, `length.*`, `text.*`) → their prefix.
    public static func group(of feature: String) -> String {
        let parts = feature.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return feature }
        if Family(rawValue: parts[0]) != nil { return parts[0] }
        if parts[0] == "family" { return parts[1] }
        if feature == "entity.phone_obfuscated" { return Family.obfuscatedPhone.rawValue }
        if feature == "age.under_18" { return Family.underageAge.rawValue }
        return parts[0]
    }
}
