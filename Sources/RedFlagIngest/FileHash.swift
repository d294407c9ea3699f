import RedFlagCore

/// Lower-case hex SHA-256 of a file's bytes, read in 1 MiB chunks (provenance of training data and of a queue file
/// a model learned from); the same hex as ``RedFlagCore/sha256Hex(_:)-(C)``.
public func sha256Hex(fileAt path: String) throws(IngestError) -> String {
    let stream = try FileByteStream(path: path)
    var hasher = StreamingSHA256()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    while true {
        let n = try stream.read(into: buffer)
        if n == 0 { break }
        hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
    }
    return hasher.finalize()
}
