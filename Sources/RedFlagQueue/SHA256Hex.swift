import Crypto
import Foundation

/// Lower-case hex SHA-256, as the queue stores content hashes and chains audit events.
enum SHA256Hex {
    static func of(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    static func of(_ text: String) -> String { of(Array(text.utf8)) }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let table: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest {
            out.append(table[Int(b >> 4)])
            out.append(table[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is 64 lower-case hex digits.
    static func isValid(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
