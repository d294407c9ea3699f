public import Logging
import RedFlagCore

#if canImport(Glibc)
    import Glibc
#endif

/// One log line per event on a file descriptor, in swift-log's `StreamLogHandler` shape
/// (`2026-05-01T12:00:00+0000 info redflag.serve: method=POST route=/v1/ads status=200 [RedFlagServer] request`),
/// written for a server that logs every request.
///
/// `StreamLogHandler` cost a request about as much as its HTTP parsing: it formats the metadata again each time a
/// key is set (Hummingbird sets the request id on every request, the token check sets the token's name), formats
/// the local time through `strftime` for every line, and builds the line by string interpolation. This one keeps
/// metadata as given, formats it once per line into a byte buffer, writes the time in UTC (a server's logs are read
/// across machines and time zones; the offset stays in the line), and hands the line to the kernel in one
/// `write(2)`, so lines from concurrent requests never interleave within a line.
public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let descriptor: Int32

    /// - Parameters:
    ///   - descriptor: where lines go (2, standard error, by default).
    public init(label: String, descriptor: Int32 = 2, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.descriptor = descriptor
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { $1 }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { $1 }
        }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line: [UInt8] = []
        line.reserveCapacity(256)
        UTCTime(secondsSince1970: Int64(time(nil))).appendDateTime(to: &line)
        line.append(contentsOf: "+0000".utf8)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: event.level.rawValue.utf8)
        if !label.isEmpty {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: label.utf8)
        }
        line.append(UInt8(ascii: ":"))
        for (key, value) in merged.sorted(by: { JSONWriter.utf8Precedes($0.key, $1.key) }) {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            switch value {
            case .string(let text): line.append(contentsOf: text.utf8)
            default: line.append(contentsOf: value.description.utf8)
            }
        }
        line.append(contentsOf: " [".utf8)
        line.append(contentsOf: event.source.utf8)
        line.append(contentsOf: "] ".utf8)
        line.append(contentsOf: event.message.description.utf8)
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // a log that cannot be written must not stop the server
                }
            }
        }
    }
}
