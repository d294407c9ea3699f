import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RedFlagQueue
import Testing

/// The review queue over HTTP: what an ingest token posts is claimable by a reviewer token, and everything a reviewer
/// does is recorded under the token's name.
@Suite struct QueueRouteTests {
    @Test func aFlaggedAdIsQueuedClaimedAndDecidedUnderTheTokensName() async throws {
        let harness = try await ServerHarness()
        defer { harness.cleanUp() }
        let page = String(decoding: try ServerHarness.sample("velvetroom-1.html"), as: UTF8.self)
        try await harness.test { client in
            let posted = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: try ServerHarness.adJSON(id: "v1", html: page))
            #expect(posted.status == .ok)
            #expect(posted.json["flagged"] as? Bool == true)
            let queued = try #require(posted.json["queue"] as? [String: Any])
            #expect(queued["outcome"] as? String == "queued")
            let id = try #require(queued["id"] as? Int)

            let claimed = try await client.execute(
                uri: "/v1/queue/claim", method: .post, headers: ServerHarness.headers(harness.reviewer),
                body: ByteBuffer(string: #"{"lease_seconds": 600}"#))
            #expect(claimed.status == .ok)
            #expect(claimed.json["id"] as? Int == id)
            let claim = try #require(claimed.json["claim"] as? [String: Any])
            #expect(claim["reviewer"] as? String == "ana")
            let claimToken = try #require(claim["token"] as? String)

            let noted = try await client.execute(
                uri: "/v1/queue/\(id)/notes", method: .post, headers: ServerHarness.headers(harness.reviewer),
                body: ByteBuffer(string: #"{"text": "same phone as case 7"}"#))
            #expect(noted.status == .created)
            #expect(noted.json["author"] as? String == "ana")

            let decided = try await client.execute(
                uri: "/v1/queue/\(id)/decision", method: .post, headers: ServerHarness.headers(harness.reviewer),
                body: ByteBuffer(string: #"{"verdict": "confirmed", "severity": 4, "claim_token": "\#(claimToken)"}"#))
            #expect(decided.status == .ok)
            #expect(decided.json["reviewer"] as? String == "ana")
            #expect(decided.json["verdict"] as? String == "confirmed")
            #expect(decided.json["already_recorded"] as? Bool == false)
            #expect(decided.json["referral"] != nil, "a confirmed item carries its referral")

            let again = try await client.execute(
                uri: "/v1/queue/\(id)/decision", method: .post, headers: ServerHarness.headers(harness.reviewer),
                body: ByteBuffer(string: #"{"verdict": "confirmed", "severity": 4}"#))
            #expect(again.status == .ok)
            #expect(again.json["already_recorded"] as? Bool == true)

            let shown = try await client.execute(
                uri: "/v1/queue/\(id)", method: .get, headers: ServerHarness.headers(harness.admin))
            #expect(shown.status == .ok)
            let decisions = try #require(shown.json["decisions"] as? [[String: Any]])
            #expect(decisions.count == 1)
        }
        let verification = try await harness.queue.verifyAudit()
        #expect(verification.isValid, "\(verification.message)")
        let events = try await harness.queue.auditEvents()
        let actors = Set(events.filter { $0.action != .enqueue }.map(\.actor))
        #expect(actors == ["ana"], "claim, note and decide are recorded under the token's name: \(actors)")
        #expect(events.contains { $0.action == .enqueue && $0.actor == "server" })
    }

    @Test func aReviewerFieldInTheBodyIsRefusedAndNothingIsRecorded() async throws {
        let harness = try await ServerHarness()
        defer { harness.cleanUp() }
        let page = String(decoding: try ServerHarness.sample("nightlist-2.html"), as: UTF8.self)
        try await harness.test { client in
            let posted = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: try ServerHarness.adJSON(id: "n2", html: page))
            let id = try #require((posted.json["queue"] as? [String: Any])?["id"] as? Int)
            _ = try await client.execute(
                uri: "/v1/queue/claim", method: .post, headers: ServerHarness.headers(harness.reviewer))
            let forged = try await client.execute(
                uri: "/v1/queue/\(id)/decision", method: .post, headers: ServerHarness.headers(harness.reviewer),
                body: ByteBuffer(string: #"{"verdict": "dismissed", "reviewer": "someone-else"}"#))
            #expect(forged.status == .badRequest)
            #expect(forged.errorCode == "invalid_field")
            let wrongType = try await client.execute(
                uri: "/v1/queue/\(id)/decision", method: .post, headers: ServerHarness.headers(harness.reviewer),
                body: ByteBuffer(string: #"{"verdict": "dismissed", "severity": "high"}"#))
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.errorCode == "wrong_type")
            #expect(wrongType.json.description.contains("severity"))
            let unknownVerdict = try await client.execute(
                uri: "/v1/queue/\(id)/decision", method: .post, headers: ServerHarness.headers(harness.reviewer),
                body: ByteBuffer(string: #"{"verdict": "maybe"}"#))
            #expect(unknownVerdict.status == .badRequest)
        }
        #expect(try await harness.queue.decisions(of: 1).isEmpty)
    }

    @Test func listingPagesWithACursorAndFilters() async throws {
        let harness = try await ServerHarness()
        defer { harness.cleanUp() }
        let flagged = ["nightlist-1.html", "nightlist-2.html", "sparadar-1.html", "velvetroom-1.html", "velvetroom-2.html"]
        try await harness.test { client in
            // As raw pages: two of them are Windows-1252 and one UTF-16, which the page's own bytes declare.
            for name in flagged {
                let posted = try await client.execute(
                    uri: "/v1/ads?url=https://example.com/\(name)", method: .post,
                    headers: ServerHarness.headers(harness.ingest, contentType: "text/html"),
                    body: ByteBuffer(bytes: try ServerHarness.sample(name)))
                #expect(posted.status == .ok)
                #expect(posted.json["flagged"] as? Bool == true, "\(name)")
            }
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let uri = "/v1/queue?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.execute(uri: uri, method: .get, headers: ServerHarness.headers(harness.reviewer))
                #expect(page.status == .ok)
                let items = try #require(page.json["items"] as? [[String: Any]])
                #expect(items.count <= 2)
                seen += items.compactMap { $0["id"] as? Int }
                #expect(items.allSatisfy { $0["text"] == nil }, "a listing carries no ad text")
                cursor = page.json["next_cursor"] as? String
            } while cursor != nil
            #expect(seen.count == flagged.count)
            #expect(Set(seen).count == flagged.count)

            let pending = try await client.execute(
                uri: "/v1/queue?status=pending&min_score=0.99", method: .get, headers: ServerHarness.headers(harness.reviewer))
            let high = try #require(pending.json["items"] as? [[String: Any]])
            #expect(high.allSatisfy { ($0["score"] as? Double ?? 0) >= 0.99 })
            #expect(high.count < flagged.count)

            let badStatus = try await client.execute(
                uri: "/v1/queue?status=lost", method: .get, headers: ServerHarness.headers(harness.reviewer))
            #expect(badStatus.status == .badRequest)
            #expect(badStatus.errorCode == "invalid_parameter")
            let badCursor = try await client.execute(
                uri: "/v1/queue?cursor=nonsense", method: .get, headers: ServerHarness.headers(harness.reviewer))
            #expect(badCursor.status == .badRequest)
        }
    }

    @Test func releasingAndTheErrorsOfItemsThatAreNotThere() async throws {
        let harness = try await ServerHarness()
        defer { harness.cleanUp() }
        let page = String(decoding: try ServerHarness.sample("sparadar-1.html"), as: UTF8.self)
        try await harness.test { client in
            let empty = try await client.execute(
                uri: "/v1/queue/claim", method: .post, headers: ServerHarness.headers(harness.reviewer))
            #expect(empty.status == .notFound)
            #expect(empty.errorCode == "nothing_to_claim")
            _ = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: try ServerHarness.adJSON(id: "s1", html: page))
            let claimed = try await client.execute(
                uri: "/v1/queue/claim", method: .post, headers: ServerHarness.headers(harness.admin))
            let id = try #require(claimed.json["id"] as? Int)
            let notHolder = try await client.execute(
                uri: "/v1/queue/\(id)/release", method: .post, headers: ServerHarness.headers(harness.reviewer))
            #expect(notHolder.status == .conflict)
            let released = try await client.execute(
                uri: "/v1/queue/\(id)/release", method: .post, headers: ServerHarness.headers(harness.admin))
            #expect(released.status == .ok)
            #expect(released.json["released"] as? Bool == true)
            let missing = try await client.execute(
                uri: "/v1/queue/9999", method: .get, headers: ServerHarness.headers(harness.reviewer))
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "item_not_found")
            let notANumber = try await client.execute(
                uri: "/v1/queue/abc", method: .get, headers: ServerHarness.headers(harness.reviewer))
            #expect(notANumber.status == .badRequest)
        }
    }
}
