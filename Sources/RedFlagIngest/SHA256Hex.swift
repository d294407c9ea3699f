internal import Crypto

/// Lowercase hex SHA-256 of `bytes`: the evidentiary hash of an ad as it was received.
public func sha256Hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    let digest: SHA256.Digest
    if let contiguous = bytes as? [UInt8] {
        digest = SHA256.hash(data: contiguous)
    } else {
        digest = SHA256.hash(data: Array(bytes))
    }
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(64)
    for byte in digest {
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}
