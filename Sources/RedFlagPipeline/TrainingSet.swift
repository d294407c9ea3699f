public import RedFlagFeatures
public import RedFlagIngest
public import RedFlagModel
public import RedFlagContract

/// Labeled ads read from JSONL/CSV files and turned into feature vectors through the scan pipeline, so a model
/// learns from exactly the features a scan computes.
public struct TrainingSet: Sendable {
    public var examples: [LabeledExample]
    public var files: [ModelFile.DataFile]
    /// Records that could not be used (read errors, or no recognisable label).
    public var skipped: Int

    /// How labels are written.
    public struct Labels: Sendable {
        /// Field with the label: `suspicious`/`benign`, `1`/`0`, `true`/`false`, or a category name.
        public var field: String = "label"
        /// Field with the category, when the label field holds suspicion.
        public var categoryField: String? = "category"
        /// Renames category values (`2=massage,3=escort,4=other` for the DIG dump).
        public var categoryMap: [String: String] = [:]
        public init() {}
    }

    public static func load(
        paths: [String], options: IngestOptions, labels: Labels, features: FeatureExtractor, jobs: Int
    ) throws -> TrainingSet {
        var options = options
        options.extraFields = [labels.field] + (labels.categoryField.map { [$0] } ?? [])
        var files: [ModelFile.DataFile] = []
        var examples: [LabeledExample] = []
        var skipped = 0
        for path in paths {
            let digest = try sha256Hex(fileAt: path)
            var reader = AdReader(paths: [path], options: options)
            var records = 0
            _ = try Scanner(options: options, features: features, jobs: jobs).run(
                &reader,
                deliver: { result in
                    records += 1
                    guard let features = result.features else {
                        skipped += 1
                        return
                    }
                    let (suspicious, category) = parse(result.extra, labels: labels)
                    if suspicious == nil && category == nil {
                        skipped += 1
                        return
                    }
                    var example = LabeledExample(
                        id: result.id, vector: features.vector, suspicious: suspicious, category: category,
                        youngestAge: features.entities.ages.min())
                    example.source = path
                    examples.append(example)
                })
            files.append(ModelFile.DataFile(path: path, sha256: digest, records: records))
        }
        return TrainingSet(examples: examples, files: files, skipped: skipped)
    }

    /// Reads suspicion and category from a record's label fields.
    static func parse(_ extra: [String: String], labels: Labels) -> (Bool?, String?) {
        var suspicious: Bool?
        var category: String?
        func asCategory(_ raw: String) -> String? {
            let mapped = labels.categoryMap[raw] ?? raw.lowercased()
            return AdCategory(rawValue: mapped)?.rawValue
        }
        if let raw = extra[labels.field]?.trimmingCharacters() {
            switch raw.lowercased() {
            case "suspicious", "1", "true", "yes", "positive", "confirmed", "escalated": suspicious = true
            case "benign", "0", "false", "no", "negative", "dismissed": suspicious = false
            default: category = asCategory(raw)
            }
        }
        if let field = labels.categoryField, let raw = extra[field]?.trimmingCharacters(), category == nil {
            category = asCategory(raw)
        }
        return (suspicious, category)
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
