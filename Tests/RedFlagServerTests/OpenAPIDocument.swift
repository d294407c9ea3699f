import Foundation
import RedFlagTestSupport

/// The repository's OpenAPI 3.1 document, and a small JSON Schema check written for it: the keywords the document
/// uses (`type` with type lists, `properties`, `required`, `items`, `enum`, `$ref` into `components/schemas`,
/// `allOf`, `oneOf`, `minimum`, `maximum`, `minLength`). An unknown keyword is no error: it is simply not checked.
struct OpenAPIDocument {
    let root: [String: Any]

    static let path = repositoryRoot + "/Sources/RedFlagServer/openapi.json"

    init() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.path))
        root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    var paths: [String: [String: Any]] { root["paths"] as? [String: [String: Any]] ?? [:] }

    /// The operation for a path template (`/v1/queue/{id}`) and method (`post`).
    func operation(_ path: String, _ method: String) -> [String: Any]? {
        paths[path]?[method] as? [String: Any]
    }

    /// The schema of a documented response, by status and media type; nil when the document does not describe one.
    func responseSchema(_ path: String, _ method: String, status: Int, mediaType: String) -> [String: Any]? {
        let responses = operation(path, method)?["responses"] as? [String: Any]
        let response = responses?[String(status)] as? [String: Any]
        let content = response?["content"] as? [String: Any]
        return (content?[mediaType] as? [String: Any])?["schema"] as? [String: Any]
    }

    /// Whether the document lists `status` for the operation.
    func documents(_ path: String, _ method: String, status: Int) -> Bool {
        ((operation(path, method)?["responses"] as? [String: Any])?[String(status)]) != nil
    }

    /// Every problem with the JSON `bytes` against `schema`; a body that is not JSON is one problem.
    func problems(json bytes: [UInt8], against schema: [String: Any]) -> [String] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) else {
            return ["$: not JSON: \(String(decoding: bytes.prefix(80), as: UTF8.self))"]
        }
        return problems(value, against: schema)
    }

    /// Every problem with `value` against `schema`, each naming where it is (`$.items[0].score`).
    func problems(_ value: JSONValue, against schema: [String: Any], at location: String = "$") -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/components/schemas/", with: "")
            guard let target = ((root["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name]
                as? [String: Any]
            else { return ["\(location): unknown reference \(reference)"] }
            return problems(value, against: target, at: location)
        }
        var found: [String] = []
        if let all = schema["allOf"] as? [[String: Any]] {
            for part in all { found += problems(value, against: part, at: location) }
        }
        if let one = schema["oneOf"] as? [[String: Any]] {
            let matching = one.filter { problems(value, against: $0, at: location).isEmpty }.count
            if matching != 1 { found.append("\(location): matches \(matching) of oneOf's \(one.count) schemas") }
        }
        let types = (schema["type"] as? String).map { [$0] } ?? schema["type"] as? [String]
        if let types, !types.contains(where: value.is) {
            return found + ["\(location): \(value) is not \(types.joined(separator: " or "))"]
        }
        if let allowed = schema["enum"] as? [String], case .string(let text) = value, !allowed.contains(text) {
            found.append("\(location): \"\(text)\" is not one of \(allowed)")
        }
        switch value {
        case .number(let number):
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number < minimum {
                found.append("\(location): \(number) is below \(minimum)")
            }
            if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number > maximum {
                found.append("\(location): \(number) is above \(maximum)")
            }
        case .string(let text):
            if let minimum = (schema["minLength"] as? NSNumber)?.intValue, text.count < minimum {
                found.append("\(location): shorter than \(minimum)")
            }
        case .object(let object):
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(location): missing required `\(key)`")
            }
            for (key, property) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let member = object[key] { found += problems(member, against: property, at: "\(location).\(key)") }
            }
        case .array(let array):
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() {
                    found += problems(element, against: items, at: "\(location)[\(index)]")
                }
            }
        case .null, .bool:
            break
        }
        return found
    }
}

/// A JSON value as the schema check sees it: booleans and numbers kept apart, which JSONSerialization does not do
/// reliably on every platform.
enum JSONValue: Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Whether the value is of JSON Schema type `type`.
    func `is`(_ type: String) -> Bool {
        switch (type, self) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
            ("object", .object):
            true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): "\"" + value.prefix(40) + "\""
        case .array(let value): "an array of \(value.count)"
        case .object: "an object"
        }
    }
}
