import Foundation
import GRDB
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// `audit --verify` checks the whole file with SQLite's `quick_check` before the chain (issue 17): damage outside
/// the audit table, such as an ad's stored copy, must not pass as "chain intact".
@Suite("Audit verification checks the file too")
struct AuditFileCheckTests {
    @Test("a damaged page of the stored ad copies fails verification as file_damaged; an intact file passes")
    func damageOutsideTheAuditTable() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("q.sqlite")
        var page: Int64 = 0
        var pageSize = 4096
        do {
            let queue = try makeQueue(path)
            // Enough stored copies that their table has leaf pages of its own, apart from its root.
            _ = try await queue.enqueue(
                (0..<60).map { submission(String(repeating: "stored copy \($0) ", count: 40)) }, actor: "scan")
            let intact = try await queue.verifyAudit()
            #expect(intact.isValid, "\(intact.message)")
            (page, pageSize) = try await queue.pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                let page = try Int64.fetchOne(
                    db, sql: "SELECT max(pageno) FROM dbstat WHERE name = 'item_content' AND pagetype = 'leaf'")!
                return (page, try Int.fetchOne(db, sql: "PRAGMA page_size")!)
            }
        }
        // Page type byte 0x0d (table leaf) becomes 0xff: a page no b-tree can hold.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64((page - 1) * Int64(pageSize)))
        try handle.write(contentsOf: Data([0xff]))
        try handle.close()

        let queue = try makeQueue(path)
        let result = try await queue.verifyAudit()
        #expect(!result.isValid)
        #expect(result.problem == .fileDamaged)
        #expect(result.message.contains("quick_check"), "\(result.message)")
    }
}
