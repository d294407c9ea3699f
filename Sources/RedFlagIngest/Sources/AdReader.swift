#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the ads of every input in order: files, folders, JSONL/CSV dumps, WARC archives and standard input.
///
/// One record at a time is in memory (plus fixed read buffers), whatever the size of a dump. A failure to open or
/// read an input, or one bad record, becomes a ``SourceItem/failure(_:)`` naming it, and reading goes on with the
/// next record or input.
///
/// ```swift
/// var reader = AdReader(paths: ["Samples/"], options: IngestOptions())
/// while let item = reader.next() { … }
/// ```
public struct AdReader: IteratorProtocol, Sequence {
    private var pending: [Result<Input, RecordFailure>]
    private var pendingIndex = 0
    private let options: IngestOptions
    private var current: (any RecordStream)?
    private var currentName = ""
    /// What `-` reads; standard input except in tests. Also the bytes of an in-memory input, named
    /// `memoryInputName`.
    private var standardInput: (any ByteStream)?
    private var memoryInputName: String?
    /// The file being read, for ``bytesRead``; bytes of the files already finished.
    private var currentFile: FileByteStream?
    private var finishedBytes = 0

    /// Files in the named folders that are not read: their names say no format and none was forced.
    public private(set) var skippedFiles: [String] = []
    /// The size of all input files, when known (not for standard input): with ``bytesRead``, how far a scan is.
    public private(set) var totalBytes: Int?

    public init(paths: [String], options: IngestOptions = IngestOptions()) {
        let expansion = Input.expand(paths, format: options.format)
        self.pending = expansion.inputs
        self.skippedFiles = expansion.skippedFiles
        self.totalBytes = expansion.totalBytes
        self.options = options
    }

    /// Bytes read so far from the input files (compressed bytes for `.gz`), counted as they leave the disk.
    public var bytesRead: Int { finishedBytes + (currentFile?.bytesRead ?? 0) }

    /// Reads `-` from `standardInput` instead of file descriptor 0.
    init(paths: [String], options: IngestOptions, standardInput: any ByteStream) {
        self.init(paths: paths, options: options)
        self.standardInput = standardInput
    }

    public init(inputs: [Input], options: IngestOptions = IngestOptions()) {
        self.pending = inputs.map { .success($0) }
        self.options = options
    }

    /// Reads one input that is already in memory (a request body, a fuzzer's bytes) as if it were a file called
    /// `name`: the format comes from `format`, else the name, else the first bytes; gzip is recognised either way.
    public init(bytes: [UInt8], name: String, format: InputFormat? = nil, options: IngestOptions = IngestOptions()) {
        let recognised = Input.recognise(name)
        self.pending = [.success(Input(path: name, format: format ?? recognised?.format, gzipped: recognised?.gzipped ?? false))]
        self.options = options
        self.standardInput = MemoryByteStream(bytes)
        self.memoryInputName = name
        self.totalBytes = bytes.count
    }

    public mutating func next() -> SourceItem? {
        while true {
            if current != nil {
                do throws(IngestError) {
                    if let item = try current!.nextItem() { return item }
                    finishCurrent()
                } catch {
                    // The input broke mid-way (corrupt gzip, read error): report it and move on.
                    finishCurrent()
                    return .failure(RecordFailure(id: currentName, error: error))
                }
                continue
            }
            guard pendingIndex < pending.count else { return nil }
            let next = pending[pendingIndex]
            pendingIndex += 1
            switch next {
            case .failure(let failure):
                return .failure(failure)
            case .success(let input):
                currentName = input.name
                do throws(IngestError) {
                    current = try open(input)
                } catch {
                    return .failure(RecordFailure(id: input.name, error: error))
                }
            }
        }
    }

    private mutating func finishCurrent() {
        current = nil
        finishedBytes += currentFile?.bytesRead ?? 0
        currentFile = nil
    }

    private mutating func open(_ input: Input) throws(IngestError) -> any RecordStream {
        var stream: any ByteStream
        if input.path == "-" || (memoryInputName != nil && input.path == memoryInputName) {
            stream = standardInput ?? FileByteStream(standardInput: ())
            standardInput = nil
        } else {
            let file = try FileByteStream(path: input.path, range: input.byteRange)
            currentFile = file
            stream = file
        }
        var format = options.format ?? input.format
        // Sniff the first bytes: gzip magic, then the format when the name did not say.
        let sniffer = BufferedByteReader(stream, chunkSize: 64 * 1024)
        let head = try sniffer.peek(512)
        stream = SniffedStream(reader: sniffer)
        // Gaps the gzip stream skips (corrupt members) are reported by the record reader, which knows the record.
        let damage = StreamDamage()
        if input.gzipped || isGzip(head) {
            stream = try GzipByteStream(wrapping: stream, name: input.name, damage: damage)
            if format == nil {
                let inner = BufferedByteReader(stream, chunkSize: 64 * 1024)
                format = sniffFormat(try inner.peek(512))
                stream = SniffedStream(reader: inner)
            }
        } else if format == nil {
            format = sniffFormat(head)
        }
        guard let format else {
            throw IngestError(
                .unknownFormat,
                "\(input.name): cannot tell the format from the name or content; name it .html, .jsonl, .csv or .warc (optionally .gz)",
                remedy: .inputFormat, .clause, "")
        }
        switch format {
        case .html: return SingleHTMLStream(stream: stream, name: input.name, options: options, damage: damage)
        case .jsonl: return JSONLReader(stream, name: input.name, options: options, damage: damage)
        case .csv: return CSVReader(stream, name: input.name, options: options, damage: damage)
        case .warc: return WARCReader(stream, name: input.name, options: options, damage: damage)
        }
    }
}

/// Guesses a format from the first bytes of a file.
func sniffFormat(_ head: [UInt8]) -> InputFormat? {
    var bytes = head[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .html }
    let trimmed = bytes.drop(while: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 })
    if trimmed.starts(with: Array("WARC/".utf8)) { return .warc }
    if trimmed.first == UInt8(ascii: "{") { return .jsonl }
    if trimmed.first == UInt8(ascii: "<") { return .html }
    return nil
}

/// A reader over ads of one input.
protocol RecordStream {
    mutating func nextItem() throws(IngestError) -> SourceItem?
}

extension JSONLReader: RecordStream {
    mutating func nextItem() throws(IngestError) -> SourceItem? { try next() }
}
extension CSVReader: RecordStream {
    mutating func nextItem() throws(IngestError) -> SourceItem? { try next() }
}
extension WARCReader: RecordStream {
    mutating func nextItem() throws(IngestError) -> SourceItem? { try next() }
}

/// One HTML page per file (id = path), refused unread past the byte limit.
struct SingleHTMLStream: RecordStream {
    private var stream: any ByteStream
    private let name: String
    private let options: IngestOptions
    private let damage: StreamDamage?
    private var done = false

    init(stream: any ByteStream, name: String, options: IngestOptions, damage: StreamDamage? = nil) {
        self.stream = stream
        self.name = name
        self.options = options
        self.damage = damage
    }

    mutating func nextItem() throws(IngestError) -> SourceItem? {
        if done { return nil }
        done = true
        let reader = BufferedByteReader(stream)
        let limit = options.maximumAdBytes
        let bytes = try reader.read(count: limit + 1)
        if bytes.count > limit {
            return .failure(
                RecordFailure(
                    id: name,
                    error: IngestError(
                        .tooLarge, "\(name): page exceeds the limit of \(limit) bytes per ad",
                        remedy: .maximumAdBytes, .parenthetical, "; not parsed")))
        }
        if let damage {
            let gaps = damage.take(upTo: Int.max)
            if !gaps.isEmpty {
                let described = gaps.map { damage.describe($0, name: name) }.joined(separator: "; ")
                return .failure(
                    RecordFailure(id: name, error: IngestError(.badGzip, "\(described); the page is incomplete")))
            }
        }
        return .record(AdRecord(id: name, content: .htmlBytes(bytes, charset: nil), origin: name))
    }
}

/// Hands on the bytes a ``BufferedByteReader`` peeked at, then the rest of its stream.
struct SniffedStream: ByteStream {
    var reader: BufferedByteReader

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        let bytes = try reader.read(count: min(buffer.count, 64 * 1024))
        if bytes.isEmpty { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        return bytes.count
    }
}
