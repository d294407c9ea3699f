import RedFlagCore

/// The queue's names for RedFlagCore's SHA-256 hex (content hashes, audit chain links, token fingerprints): kept so
/// the queue's call sites read as before; the hashing itself is written once, in RedFlagCore.
enum SHA256Hex {
    static func of(_ bytes: some Sequence<UInt8>) -> String { sha256Hex(Array(bytes)) }

    static func of(_ text: String) -> String { sha256Hex(text) }

    static func hex(_ digest: some Sequence<UInt8>) -> String { hexString(digest) }

    /// Whether `text` is 64 lower-case hex digits.
    static func isValid(_ text: String) -> Bool { isSHA256Hex(text) }
}
