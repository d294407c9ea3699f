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

/// Lowercase hex SHA-256 of a file's bytes, read in 1 MiB chunks (provenance of training data).
public func sha256Hex(fileAt path: String) throws(IngestError) -> String {
    let stream = try FileByteStream(path: path)
    var hasher = SHA256()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    while true {
        let n = try stream.read(into: buffer)
        if n == 0 { break }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
    }
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    for byte in hasher.finalize() {
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}
