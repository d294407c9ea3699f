import Foundation
import Testing

@testable import RedFlagQueue

extension ReviewQueueContractTests {
    @Test(
        "claims from many tasks at once never hand one item to two reviewers, and every item is claimed once",
        arguments: StoreKind.allCases)
    func concurrentClaims(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue(submissions(60, prefix: "concurrent"), actor: "scan")
        let claims = try await withThrowingTaskGroup(of: [(Int64, String)].self) { group in
            for reviewer in 0..<12 {
                group.addTask {
                    var mine: [(Int64, String)] = []
                    while let item = try await queue.claimNext(reviewer: "r\(reviewer)") {
                        mine.append((item.id, item.claim?.token ?? ""))
                    }
                    return mine
                }
            }
            var all: [(Int64, String)] = []
            for try await mine in group { all += mine }
            return all
        }
        #expect(claims.count == 60)
        #expect(Set(claims.map(\.0)).count == 60, "an item was handed out twice")
        #expect(Set(claims.map(\.1)).count == 60, "two claims share a token")
        let stats = try await queue.stats()
        #expect(stats.byStatus["claimed"] == 60 && stats.byStatus["pending"] == 0)
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test(
        "decisions and releases racing from many tasks leave each item decided once and the chain whole",
        arguments: StoreKind.allCases)
    func concurrentDecisions(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue(submissions(30, prefix: "race"), actor: "scan")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for reviewer in 0..<6 {
                group.addTask {
                    var turn = 0
                    while let item = try await queue.claimNext(reviewer: "r\(reviewer)") {
                        turn += 1
                        if turn % 3 == 0 {
                            // Released items go back and are claimed again, by anyone.
                            try await queue.release(id: item.id, reviewer: "r\(reviewer)", claimToken: item.claim?.token)
                            continue
                        }
                        _ = try await queue.decide(
                            id: item.id, verdict: .dismissed, severity: 1, note: nil, reviewer: "r\(reviewer)",
                            claimToken: item.claim?.token)
                    }
                }
            }
            try await group.waitForAll()
        }
        let decided = try await queue.list(filter: QueueFilter(status: .decided))
        #expect(decided.count == 30)
        for item in decided {
            #expect(try await queue.decisions(of: item.id).count == 1, "item \(item.id)")
        }
        let verification = try await queue.verifyAudit()
        #expect(verification.isValid, "\(verification.message)")
    }
}
