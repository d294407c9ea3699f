import Foundation

/// Turns a JSON parsing or decoding error into a sentence that says what is wrong and where, instead of Foundation's
/// "Error Domain=NSCocoaErrorDomain Code=3840 …" or a `DecodingError` dump.
///
/// Shared by every reader of JSON the user wrote (JSONL dumps, `queue import`), so they all say it the same way.
///
/// ```swift
/// describeJSONError(error, in: bytes)   // "column 21: a value was expected, found 'n'"
/// ```
public func describeJSONError(_ error: any Error, in bytes: [UInt8]) -> String {
    if let decoding = error as? DecodingError { return describe(decoding, in: bytes) }
    let nsError = error as NSError
    guard nsError.domain == NSCocoaErrorDomain, nsError.code == 3840 else { return "\(error.localizedDescription)" }
    let debug = nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
    if let offset = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int ?? characterOffset(in: debug).map({ $0 - 1 })
    {
        return place(offset, in: bytes) + ": " + problem(debug, at: offset, in: bytes)
    }
    return problem(debug, at: nil, in: bytes)
}

private func describe(_ error: DecodingError, in bytes: [UInt8]) -> String {
    func path(_ context: DecodingError.Context) -> String {
        context.codingPath.reduce("") { path, key in
            key.intValue.map { path + "[\($0)]" } ?? (path.isEmpty ? key.stringValue : path + "." + key.stringValue)
        }
    }
    switch error {
    case .keyNotFound(let key, let context):
        let parent = path(context)
        return "the field \"\(key.stringValue)\" is missing" + (parent.isEmpty ? "" : " in \"\(parent)\"")
    case .typeMismatch(let type, let context):
        return "the field \"\(path(context))\" should be \(kind(type))"
    case .valueNotFound(let type, let context):
        return "the field \"\(path(context))\" is null where \(kind(type)) is needed"
    case .dataCorrupted(let context):
        if let underlying = context.underlyingError { return describeJSONError(underlying, in: bytes) }
        // JSONDecoder says only "not valid JSON"; JSONSerialization says where.
        if context.codingPath.isEmpty {
            do {
                _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            } catch {
                return describeJSONError(error, in: bytes)
            }
        }
        let where_ = path(context)
        return (where_.isEmpty ? "" : "the field \"\(where_)\": ") + lowercasedFirst(context.debugDescription)
    @unknown default:
        return "\(error)"
    }
}

/// "a number", "a string", … for the Swift type a decoder wanted.
private func kind(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Float.Type, is Int.Type, is Int64.Type, is Int32.Type: "a number"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
    }
}

/// Foundation's message names the place as "around character N", counting from 1.
private func characterOffset(in debug: String) -> Int? {
    guard let range = debug.range(of: "character ") else { return nil }
    return Int(debug[range.upperBound...].prefix(while: \.isNumber))
}

/// "column C" on one line, "line L, column C" in text with several lines (both counted from 1, in bytes).
private func place(_ offset: Int, in bytes: [UInt8]) -> String {
    let clamped = min(max(0, offset), bytes.count)
    let before = bytes[..<clamped]
    let line = before.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
    let column = clamped - (before.lastIndex(of: 10).map { $0 + 1 } ?? 0) + 1
    return bytes.contains(10) && bytes.firstIndex(of: 10)! < bytes.count - 1
        ? "line \(line), column \(column)" : "column \(column)"
}

/// What went wrong, in words, with the character found there when there is one.
private func problem(_ debug: String, at offset: Int?, in bytes: [UInt8]) -> String {
    let lowered = debug.lowercased()
    var found = ""
    if let offset, offset >= 0 && offset < bytes.count {
        let byte = bytes[offset]
        found = byte >= 0x21 && byte < 0x7F ? ", found '\(Character(Unicode.Scalar(byte)))'" : ""
    } else if offset != nil {
        return "the JSON ends early (an unclosed string, object or list)"
    }
    if lowered.contains("invalid value") || lowered.contains("unexpected character") {
        return "a value was expected (a string in double quotes, a number, true, false, null, an object or a list)"
            + found
    }
    if lowered.contains("unterminated string") || lowered.contains("unexpected end") {
        return "the JSON ends early (an unclosed string, object or list)"
    }
    if lowered.contains("no value for key") || lowered.contains("object key") || lowered.contains("badly formed object")
    {
        return "an object is malformed: expected \"key\": value pairs separated by commas" + found
    }
    if lowered.contains("badly formed array") { return "a list is malformed: expected values separated by commas" + found }
    if lowered.contains("garbage at end") { return "there is more after the JSON value" + found }
    return debug.isEmpty ? "not valid JSON" + found : lowercasedFirst(debug).trimmingCharacters(in: ["."]) + found
}

private func lowercasedFirst(_ text: String) -> String {
    text.prefix(1).lowercased() + text.dropFirst()
}
