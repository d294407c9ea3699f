import Foundation
import RedFlagQueue
import RedFlagTestSupport
import Testing

/// Both token stores behave alike: create, authenticate, list, revoke; names unique; secrets never stored.
@Suite struct AccessTokenStoreTests {
    /// A store of each kind, the SQLite one in a fresh queue file.
    static func stores() throws -> [(String, any AccessTokenStore, TemporaryFolder)] {
        let folder = try TemporaryFolder()
        let queue = try SQLiteReviewQueue(path: folder.path("tokens.sqlite"))
        return [("memory", InMemoryAccessTokenStore(), folder), ("sqlite", SQLiteAccessTokenStore(queue: queue), folder)]
    }

    @Test func createAuthenticateListRevoke() async throws {
        for (kind, store, folder) in try Self.stores() {
            defer { folder.cleanUp() }
            let issued = try await store.create(name: "  ana  ", role: .reviewer)
            #expect(issued.token.name == "ana", "\(kind)")
            #expect(AccessTokenSecret.isWellFormed(issued.secret), "\(kind)")
            #expect(issued.secret.count == 3 + 64)
            let other = try await store.create(name: "pipeline", role: .ingest)
            #expect(issued.secret != other.secret)

            #expect(try await store.authenticate(secret: issued.secret)?.name == "ana", "\(kind)")
            #expect(try await store.authenticate(secret: issued.secret + "0") == nil)
            #expect(try await store.authenticate(secret: "rf_" + String(repeating: "a", count: 64)) == nil)
            #expect(try await store.authenticate(secret: "") == nil)

            await #expect(throws: QueueError.self) { try await store.create(name: "ana", role: .admin) }
            await #expect(throws: QueueError.self) { try await store.create(name: "bad\u{1b}[31m", role: .admin) }
            await #expect(throws: QueueError.self) { try await store.create(name: "   ", role: .admin) }

            let listed = try await store.list()
            #expect(listed.map(\.name) == ["ana", "pipeline"], "\(kind)")
            #expect(listed.map(\.role) == [.reviewer, .ingest])

            let revoked = try await store.revoke("ana")
            #expect(revoked.revokedAt != nil)
            #expect(try await store.authenticate(secret: issued.secret) == nil, "\(kind): a revoked token is refused")
            let byID = try await store.revoke(String(other.token.id))
            #expect(byID.name == "pipeline")
            await #expect(throws: QueueError.self) { try await store.revoke("nobody") }
            // A revoked name stays taken, so a name in the audit trail always means one token.
            await #expect(throws: QueueError.self) { try await store.create(name: "ana", role: .reviewer) }
        }
    }

    @Test func theQueueFileHoldsOnlyTheSecretsSHA256() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("tokens.sqlite")
        let issued = try await SQLiteAccessTokenStore(queue: try SQLiteReviewQueue(path: path)).create(name: "ana", role: .admin)
        // Everything SQLite wrote (the file and its WAL) has the fingerprint and never the secret.
        var bytes = Data()
        for suffix in ["", "-wal"] {
            if let data = FileManager.default.contents(atPath: path + suffix) { bytes.append(data) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains(issued.secret))
        #expect(!text.contains(String(issued.secret.dropFirst(3))))
        #expect(text.contains(AccessTokenSecret.fingerprint(issued.secret)))
        // A second opening of the file sees the token: the store is the file, not the process.
        let reopened = SQLiteAccessTokenStore(queue: try SQLiteReviewQueue(path: path))
        #expect(try await reopened.authenticate(secret: issued.secret)?.role == .admin)
    }

    @Test func rolesPermitWhatTheySay() {
        #expect(AccessRole.admin.permits(.ingest) && AccessRole.admin.permits(.reviewer))
        #expect(AccessRole.ingest.permits(.ingest) && !AccessRole.ingest.permits(.reviewer))
        #expect(AccessRole.reviewer.permits(.reviewer) && !AccessRole.reviewer.permits(.ingest))
        #expect(!AccessRole.ingest.permits(.admin) && !AccessRole.reviewer.permits(.admin))
    }
}
