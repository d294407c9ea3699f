internal import Crypto

/// Lower-case hex SHA-256 of `bytes`: the evidentiary hash of an ad as it was received, the queue's deduplication
/// key and the links of the audit chain. The one implementation every module uses.
///
/// ```swift
/// sha256Hex(Array("abc".utf8))   // "ba7816bf…"
/// ```
public func sha256Hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    if let contiguous = bytes as? [UInt8] { return hexString(SHA256.hash(data: contiguous)) }
    return hexString(SHA256.hash(data: Array(bytes)))
}

/// Lower-case hex SHA-256 of a string's UTF-8 bytes.
public func sha256Hex(_ text: String) -> String { sha256Hex(Array(text.utf8)) }

/// Whether `text` is what ``sha256Hex(_:)-(C)`` writes: 64 lower-case hex digits.
public func isSHA256Hex(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
}

/// Bytes as lower-case hex, two digits each.
public func hexString(_ bytes: some Sequence<UInt8>) -> String {
    let table: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in bytes {
        out.append(table[Int(byte >> 4)])
        out.append(table[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// SHA-256 over bytes that arrive in pieces (a file read in chunks), as lower-case hex at the end.
public struct StreamingSHA256: Sendable {
    private var hasher = SHA256()

    public init() {}

    /// Adds the next piece.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The hash of everything added, as ``sha256Hex(_:)-(C)`` writes it.
    public func finalize() -> String { hexString(hasher.finalize()) }
}
