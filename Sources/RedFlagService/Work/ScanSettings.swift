import Foundation
public import RedFlagIngest

/// How the inputs of a distributed scan are read: what `redflag scan --work` fixes when it registers them (format,
/// field names, limits) and every worker reads them with, so an item is scanned the same way whichever worker takes
/// it. Stored with each work item as JSON (``json``), part of the item's identity. The models are the workers'.
public struct ScanSettings: Sendable, Hashable, Codable {
    public var format: String?
    public var maximumAdBytes: Int
    /// CPU seconds per ad; nil for no limit.
    public var timeLimit: Double?
    public var idField: String
    public var htmlField: String
    public var textField: String
    public var urlField: String

    public init(options: IngestOptions) {
        format = options.format?.rawValue
        maximumAdBytes = options.maximumAdBytes
        timeLimit = options.recordTimeLimit
        idField = options.idField
        htmlField = options.htmlField
        textField = options.textField
        urlField = options.urlField
    }

    /// The ingest options a worker reads the item with.
    public var options: IngestOptions {
        var options = IngestOptions(
            maximumAdBytes: maximumAdBytes, idField: idField, htmlField: htmlField, textField: textField,
            urlField: urlField, format: format.flatMap(InputFormat.init(rawValue:)))
        options.recordTimeLimit = timeLimit
        return options
    }

    /// Canonical JSON (sorted keys): the same settings always give the same text, and so the same item key.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Reads ``json``.
    /// - Throws: `DecodingError` for text that is not such JSON (a row written by hand).
    public init(json: String) throws {
        self = try JSONDecoder().decode(ScanSettings.self, from: Data(json.utf8))
    }

    enum CodingKeys: String, CodingKey {
        case format
        case maximumAdBytes = "max_bytes"
        case timeLimit = "time_limit"
        case idField = "id_field"
        case htmlField = "html_field"
        case textField = "text_field"
        case urlField = "url_field"
    }
}
