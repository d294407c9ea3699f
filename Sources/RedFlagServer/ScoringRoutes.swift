import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RedFlagContract
import RedFlagIngest
import RedFlagPipeline
import RedFlagQueue
import RedFlagService

/// Scoring over HTTP, for ingest and admin tokens: one ad (`POST /v1/ads`) or a JSONL batch streamed back line by
/// line (`POST /v1/scan`). Each reply line is the line `redflag scan --format jsonl` prints for the ad; flagged ads
/// (at or above the threshold) go to the review queue before the reply says so.
struct ScoringRoutes: Sendable {
    let service: ScanService
    /// How posted records are read and limited: the scan's own options (largest ad, CPU time per ad, field names).
    let ingestOptions: IngestOptions
    let batcher: SubmissionBatcher
    let gate: ScoringGate
    let metrics: ServerMetrics
    let configuration: ServerConfiguration

    func add(to group: RouterGroup<ServerRequestContext>) {
        group.post("/ads") { request, _ in try await postAd(request) }
        group.post("/scan") { request, _ in try await postScan(request) }
    }

    // MARK: - One ad

    private func postAd(_ request: Request) async throws -> Response {
        try await gate.withSlot {
            let record = try await Self.record(from: request, limit: configuration.maximumBodyBytes)
            try Task.checkCancellation()
            let result = await service.scanner.assess(record)
            metrics.adScored(flagged: result.assessment?.flagged == true, errorCode: result.error?.code.rawValue)
            let queued = try await enqueueIfFlagged(result)
            var line = result.rendered ?? []
            // The scan line, with what the queue did with the ad before its closing brace.
            if line.last == 0x0a { line.removeLast() }
            if line.last == 0x7d { line.removeLast() }
            line += Array(",\"queue\":\(Self.json(queued))}\n".utf8)
            // An ad that could not be processed still has its line (with `error`, as in a scan), answered as 422.
            return JSONReply.response(bytes: line, status: result.error == nil ? .ok : .unprocessableContent)
        }
    }

    /// The record of a posted ad: a JSON record, or an HTML (or plain-text) page named by `?url=` (and `?id=`,
    /// default the url; `?captured_at=`).
    static func record(from request: Request, limit: Int) async throws -> AdRecord {
        let mediaType = RequestBodyReader.mediaType(of: request)
        switch mediaType {
        case nil, "application/json":
            let bytes = try await RequestBodyReader.collect(request, limit: limit)
            try RequestBodyReader.checkText(bytes)
            return try AdInput.decode(bytes).record
        case "text/html", "application/xhtml+xml", "text/plain":
            let query = request.uri.queryParameters
            guard let url = query["url"].map(String.init), !url.isEmpty else {
                throw APIError.badRequest("missing_parameter", "an HTML or text body needs `?url=` (the ad's address)")
            }
            let bytes = try await RequestBodyReader.collect(request, limit: limit)
            try RequestBodyReader.checkText(bytes)
            let content: AdRecord.Content =
                mediaType == "text/plain"
                ? .text(String(decoding: bytes, as: UTF8.self))
                : .htmlBytes(bytes, charset: RequestBodyReader.charset(of: request))
            return AdRecord(
                id: query["id"].map(String.init) ?? url, url: url, capturedAt: query["captured_at"].map(String.init),
                content: content, origin: "request")
        default:
            throw APIError(
                .unsupportedMediaType, code: "unsupported_media_type",
                message: "send the ad as application/json, text/html or text/plain")
        }
    }

    // MARK: - A batch

    /// The largest JSONL batch `POST /v1/scan` reads.
    private var batchLimit: Int { configuration.maximumBatchBytes }

    private func postScan(_ request: Request) async throws -> Response {
        try gate.enter()
        let bytes: [UInt8]
        do {
            bytes = try await RequestBodyReader.collect(request, limit: batchLimit)
            try RequestBodyReader.checkText(bytes)
        } catch {
            gate.leave()
            throw error
        }
        let body = ResponseBody { writer in
            defer { gate.leave() }
            try await streamResults(of: bytes, to: &writer)
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: body)
    }

    /// Scores the batch with as many ads in flight as there are workers and writes each line as soon as the lines
    /// before it are out, so the reply is in input order and starts before the batch is done.
    private func streamResults(of bytes: [UInt8], to writer: inout any ResponseBodyWriter) async throws {
        var reader = AdReader(bytes: bytes, name: "request", format: .jsonl, options: ingestOptions)
        let scanner = service.scanner
        let window = max(1, scanner.jobs)
        try await withThrowingTaskGroup(of: (Int, ScanResult).self) { group in
            var nextIndex = 0
            var nextToWrite = 0
            var running = 0
            var finished: [Int: ScanResult] = [:]
            while true {
                while running < window, let item = reader.next() {
                    let index = nextIndex
                    nextIndex += 1
                    running += 1
                    group.addTask { (index, await scanner.assess(item)) }
                }
                guard running > 0, let done = try await group.next() else { break }
                running -= 1
                finished[done.0] = done.1
                while let result = finished.removeValue(forKey: nextToWrite) {
                    nextToWrite += 1
                    metrics.adScored(flagged: result.assessment?.flagged == true, errorCode: result.error?.code.rawValue)
                    _ = try await enqueueIfFlagged(result)
                    try await writer.write(ByteBuffer(bytes: result.rendered ?? []))
                }
            }
        }
    }

    // MARK: - The queue

    /// Sends a flagged result to the queue; nil when it is not flagged.
    private func enqueueIfFlagged(_ result: ScanResult) async throws -> EnqueueOutcome? {
        guard result.assessment?.flagged == true, let submission = Enqueuer.submission(for: result) else { return nil }
        let outcome = try await batcher.submit(submission)
        if case .queued = outcome { metrics.adEnqueued() }
        return outcome
    }

    /// `null`, or `{"id":…,"outcome":"queued"|"refreshed"|"reposted"|"unchanged"}`.
    static func json(_ outcome: EnqueueOutcome?) -> String {
        guard let outcome else { return "null" }
        let word =
            switch outcome {
            case .queued: "queued"
            case .refreshed: "refreshed"
            case .reposted: "reposted"
            case .unchangedDecided: "unchanged"
            }
        return "{\"id\":\(outcome.id),\"outcome\":\"\(word)\"}"
    }
}
