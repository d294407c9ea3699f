/// An ad's features with what a person (or a corpus) says about it: what training and evaluation learn from,
/// whether it came from a labeled corpus or from reviewers' decisions in the queue.
public struct LabeledExample: Sendable, Equatable, Codable {
    public var id: String
    public var vector: FeatureVector
    /// Suspicious (true) or benign (false); nil when only the category is known.
    public var suspicious: Bool?
    /// escort, massage, dating or other; nil when unknown.
    public var category: String?
    /// The youngest stated age, for the rules that evaluation applies beside the model.
    public var youngestAge: Int?
    /// The file it was read from, when it came from one.
    public var source: String?

    public init(
        id: String, vector: FeatureVector, suspicious: Bool?, category: String?, youngestAge: Int? = nil,
        source: String? = nil
    ) {
        self.id = id
        self.vector = vector
        self.suspicious = suspicious
        self.category = category
        self.youngestAge = youngestAge
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, vector, suspicious, category, source
        case youngestAge = "youngest_age"
    }
}

/// The ad categories the category model tells apart.
public enum AdCategory: String, CaseIterable, Sendable, Codable {
    case escort, massage, dating, other
}
