import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import NIOCore
import RedFlagFeatures
import RedFlagIngest
import RedFlagPipeline
import RedFlagQueue
import RedFlagServer
import RedFlagService
import RedFlagTestSupport

/// A server over the shipped models, a fresh SQLite queue in a temporary folder and in-memory tokens (one per role),
/// run in process through HummingbirdTesting.
struct ServerHarness {
    let folder: TemporaryFolder
    let queue: SQLiteReviewQueue
    let tokens: InMemoryAccessTokenStore
    let ingest: IssuedAccessToken
    let reviewer: IssuedAccessToken
    let admin: IssuedAccessToken
    let server: RedFlagServer
    let logs: InMemoryLogHandler

    /// The scorer and lexicon are loaded once for every test: compiling the lexicon is the slow part.
    static let service: ScanService = {
        let configuration = RedFlagConfiguration(modelFolders: [repositoryRoot + "/Models"])
        let features = try! configuration.loadFeatureExtractor()
        let scorer = try! configuration.loadScorer(lexicon: features.lexicon)
        return try! ScanService(
            features: features, scorer: scorer, jobs: 2, keepsFlaggedContent: true,
            renderer: ScanOutputRenderer(format: .jsonl))
    }()

    static let referrals = try! ReferralDirectory.load(path: repositoryRoot + "/Models/referral.yaml")

    /// Tests run beside the whole suite, which can keep the cooperative pool busy for a minute: the request timeout
    /// is long unless a test is about it.
    static let patient = ServerConfiguration(requestTimeout: .seconds(900))

    init(configuration: ServerConfiguration = patient, tokenStore: (any AccessTokenStore)? = nil) async throws {
        folder = try TemporaryFolder()
        queue = try SQLiteReviewQueue(path: folder.path("queue.sqlite"))
        tokens = InMemoryAccessTokenStore()
        ingest = try await tokens.create(name: "ingest-pipeline", role: .ingest)
        reviewer = try await tokens.create(name: "ana", role: .reviewer)
        admin = try await tokens.create(name: "root", role: .admin)
        logs = InMemoryLogHandler()
        server = RedFlagServer(
            dependencies: .init(
                service: Self.service, queue: queue, tokens: tokenStore ?? tokens, referrals: Self.referrals),
            configuration: configuration)
    }

    /// Runs `body` against the server in process.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "redflag.test") { _ in logs }
        logger.logLevel = .info
        return try await server.buildApplication(logger: logger).test(.router, body)
    }

    func cleanUp() { folder.cleanUp() }

    /// `Authorization: Bearer …` for a token, and a content type.
    static func headers(_ token: IssuedAccessToken?, contentType: String? = "application/json") -> HTTPFields {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token.secret)" }
        if let contentType { fields[.contentType] = contentType }
        return fields
    }

    /// A sample page's bytes.
    static func sample(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: samplesFolder + "/pages/" + name)))
    }

    /// One ad as the JSON `POST /v1/ads` takes.
    static func adJSON(id: String, html: String) throws -> ByteBuffer {
        let object: [String: String] = ["id": id, "html": html, "url": "https://example.com/\(id)"]
        return ByteBuffer(bytes: Array(try JSONSerialization.data(withJSONObject: object)))
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }

    /// `error.code` of an error reply.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}
