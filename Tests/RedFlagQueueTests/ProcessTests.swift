import Foundation
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

/// Real `redflag` processes against one queue file: concurrent claimers, `kill -9` mid-write, the CLI's errors and
/// exit codes, and the review loop through a pipe and a tmux terminal. Serialized: they time things and kill
/// processes.
@Suite("Processes: concurrency, kill -9, CLI, review loop", .serialized)
final class ProcessTests: Sendable {
    let folder: TemporaryFolder

    init() async throws { folder = try TemporaryFolder() }
    deinit { folder.cleanUp() }

    static let missing = "the redflag binary was not found next to the tests (build it with `swift build`)"

    /// A JSONL line `queue import` reads.
    static func importLine(_ i: Int, phone: String? = nil) -> String {
        let text = String(repeating: "ad \(i) says hello again ", count: 8)
        let phones = phone.map { "[\"\($0)\"]" } ?? "[]"
        return
            #"{"id":"ad-\#(i)","url":"https://example.com/city\#(i % 20)/ad/\#(i)","score":\#(Double(i % 1000) / 1000),"#
            + #""families":["youth"],"entities":{"phones":\#(phones),"emails":[],"ages":[19],"prices":[100]},"#
            + #""html":"<p>\#(text)</p>","main_text":"\#(text)","features":{"bias":1}}"#
    }

    @Test(
        "8 concurrent processes claiming 500 items never claim one item twice",
        .enabled(if: binaryAvailable, .init(rawValue: missing)))
    func concurrentClaimers() async throws {
        let db = folder.path("claims.sqlite")
        let queue = try makeQueue(db)
        _ = try await queue.enqueue(submissions(500), actor: "seed")
        let started = ContinuousClock.now
        let workers = try (0..<8).map {
            try RedFlagProcess(
                ["queue", "drill", "--db", db, "--reviewer", "worker\($0)", "--lease", "600"], in: folder)
        }
        let results = workers.map { $0.wait() }
        let elapsed = ContinuousClock.now - started
        var claimed: [Int64] = []
        var perWorker: [Int] = []
        for result in results {
            #expect(result.status == 0 && !result.signalled, "\(result.stderr)")
            let ids = result.stdout.split(separator: "\n").filter { $0.hasPrefix("CLAIM ") }.compactMap {
                Int64($0.split(separator: " ")[1])
            }
            perWorker.append(ids.count)
            claimed += ids
        }
        #expect(claimed.count == 500)
        #expect(Set(claimed).count == 500, "an item was claimed twice")
        let items = try await queue.list(filter: QueueFilter())
        #expect(items.allSatisfy { $0.status == .claimed && $0.attempts == 1 })
        let claimEvents = try await queue.auditEvents().filter { $0.action == .claim }
        #expect(claimEvents.count == 500)
        #expect(Set(claimEvents.compactMap(\.itemID)).count == 500)
        #expect(try await queue.verifyAudit().isValid)
        #expect(try await queue.integrityCheck() == ["ok"])
        let latencies = results.compactMap { $0.stdout.split(separator: "\n").last.map(String.init) }
        print("figure: 8 processes claimed 500 items in \(elapsed) (per process \(perWorker)); \(latencies)")
    }

    @Test(
        "kill -9 during a bulk enqueue leaves whole batches, a verifying audit and a file that opens",
        .enabled(if: binaryAvailable, .init(rawValue: missing)))
    func killDuringEnqueue() async throws {
        let db = folder.path("enqueue.sqlite")
        let input = folder.path("ads.jsonl")
        let count = 3000
        let lines = (0..<count).map { Self.importLine($0, phone: "555\(1_000_000 + $0 % 37)") }
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        var previous = 0
        for round in 0..<4 {
            let importer = try RedFlagProcess(["queue", "import", input, "--db", db, "--batch", "100"], in: folder)
            usleep(UInt32.random(in: 150_000...900_000))
            importer.kill()
            let result = importer.wait()
            let queue = try makeQueue(db)
            let items = try await queue.list(filter: QueueFilter())
            #expect(items.count % 100 == 0, "round \(round): \(items.count) items is not whole batches")
            #expect(items.count >= previous)
            previous = items.count
            #expect(try await queue.auditEvents().filter { $0.action == .enqueue }.count == items.count)
            let verification = try await queue.verifyAudit()
            #expect(verification.isValid, "\(verification.message)")
            #expect(try await queue.integrityCheck() == ["ok"])
            // Group invariants survive: every member carries its group's highest score.
            for (group, members) in Dictionary(grouping: items, by: \.groupID) {
                let top = members.map(\.score).max() ?? 0
                #expect(members.allSatisfy { $0.groupScore == top }, "group \(group)")
            }
            print("figure: kill -9 round \(round): \(items.count) items committed (killed: \(result.signalled))")
            if items.count == count { break }
        }
        let finish = try runRedFlag(["queue", "import", input, "--db", db, "--batch", "100"], in: folder)
        #expect(finish.status == 0, "\(finish.stderr)")
        let queue = try makeQueue(db)
        let items = try await queue.list(filter: QueueFilter())
        #expect(items.count == count)
        #expect(Set(items.map(\.sha256)).count == count)
        #expect(try await queue.auditEvents().filter { $0.action == .enqueue }.count == count)
        #expect(try await queue.verifyAudit().isValid)
        // 37 phone numbers, so 37 groups.
        #expect(Set(items.map(\.groupID)).count == 37)
    }

    @Test(
        "kill -9 during decide loses no committed decision and never decides an item twice",
        .enabled(if: binaryAvailable, .init(rawValue: missing)))
    func killDuringDecide() async throws {
        let db = folder.path("decide.sqlite")
        let total = 300
        do {
            let queue = try makeQueue(db)
            _ = try await queue.enqueue(submissions(total), actor: "seed")
        }
        var acknowledged: Set<Int64> = []
        var kills = 0
        var rounds = 0
        while rounds < 40 {
            rounds += 1
            let workers = try (0..<2).map {
                try RedFlagProcess(
                    [
                        "queue", "drill", "--db", db, "--reviewer", "r\($0)", "--decide", "confirmed", "--lease", "0.3",
                        "--think-ms", "3",
                    ], in: folder)
            }
            usleep(UInt32.random(in: 50_000...350_000))
            for worker in workers { worker.kill() }
            for worker in workers {
                let result = worker.wait()
                if result.signalled { kills += 1 }
                for line in result.stdout.split(separator: "\n") where line.hasPrefix("ACK ") {
                    if let id = Int64(line.dropFirst(4)) { acknowledged.insert(id) }
                }
            }
            usleep(350_000)  // let the killed claims' leases run out
            if try await makeQueue(db).stats().byStatus["decided"] == total { break }
        }
        // Finish whatever is left without killing.
        let finish = try runRedFlag(
            ["queue", "drill", "--db", db, "--reviewer", "closer", "--decide", "confirmed", "--lease", "60"], in: folder
        )
        #expect(finish.status == 0, "\(finish.stderr)")
        for line in finish.stdout.split(separator: "\n") where line.hasPrefix("ACK ") {
            if let id = Int64(line.dropFirst(4)) { acknowledged.insert(id) }
        }

        let queue = try makeQueue(db)
        let items = try await queue.list(filter: QueueFilter())
        #expect(items.count == total)
        #expect(items.allSatisfy { $0.status == .decided && $0.decision != nil })
        for id in acknowledged {
            let history = try await queue.decisions(of: id)
            #expect(history.count == 1, "item \(id) has \(history.count) decisions")
        }
        let decideEvents = try await queue.auditEvents().filter { $0.action == .decide }
        #expect(decideEvents.count == total)
        #expect(Set(decideEvents.compactMap(\.itemID)).count == total)
        #expect(try await queue.labeledExamples().count == total)
        let verification = try await queue.verifyAudit()
        #expect(verification.isValid, "\(verification.message)")
        #expect(try await queue.integrityCheck() == ["ok"])
        let expired = try await queue.auditEvents().filter { $0.action == .expire }.count
        print(
            "figure: kill -9 during decide: \(rounds) rounds, \(kills) processes killed, \(acknowledged.count) ACKs, "
                + "\(expired) leases expired and re-claimed, \(total) decisions, audit ok")
    }

    @Test(
        "the CLI names a damaged or foreign file and uses its documented exit codes",
        .enabled(if: binaryAvailable, .init(rawValue: missing)))
    func exitCodes() async throws {
        let junk = folder.path("junk.sqlite")
        _ = FileManager.default.createFile(
            atPath: junk, contents: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        var result = try runRedFlag(["queue", "list", "--db", junk], in: folder)
        #expect(result.status == 1 && !result.signalled)
        #expect(result.stderr.contains(junk) && result.stderr.contains("not an SQLite database"))

        let db = folder.path("cli.sqlite")
        let queue = try makeQueue(db)
        result = try runRedFlag(["queue", "next", "--db", db, "--reviewer", "ana"], in: folder)
        #expect(result.status == 69, "\(result.stderr)")
        _ = try await queue.enqueue([submission("one", score: 0.9), submission("two", score: 0.1)], actor: "seed")

        result = try runRedFlag(["queue", "next", "--db", db, "--reviewer", "ana", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let claimed = try QueueJSON.decoder().decode(QueueItem.self, from: Data(result.stdout.utf8))
        #expect(claimed.id == 1)
        #expect(claimed.claim?.reviewer == "ana")

        result = try runRedFlag(["queue", "decide", "1", "confirmed", "--reviewer", "bob", "--db", db], in: folder)
        #expect(result.status == 75)
        result = try runRedFlag(["queue", "decide", "7", "confirmed", "--reviewer", "ana", "--db", db], in: folder)
        #expect(result.status == 65)
        result = try runRedFlag(["queue", "decide", "1", "maybe", "--reviewer", "ana", "--db", db], in: folder)
        #expect(result.status == 64)
        let args = [
            "queue", "decide", "1", "confirmed", "--severity", "5", "--note", "x", "--reviewer", "ana", "--db", db,
        ]
        result = try runRedFlag(args, in: folder)
        #expect(result.status == 0 && result.stdout.contains("confirmed, severity 5"), "\(result.stderr)")
        result = try runRedFlag(args, in: folder)
        #expect(result.status == 0 && result.stdout.contains("already recorded"))
        result = try runRedFlag(["queue", "reopen", "2", "--reviewer", "lead", "--note", "x", "--db", db], in: folder)
        #expect(result.status == 65)

        result = try runRedFlag(["queue", "list", "--db", db, "--format", "csv", "--status", "confirmed"], in: folder)
        #expect(result.status == 0)
        let csv = result.stdout.split(separator: "\n")  // every command's CSV ends lines with \n (RedFlagCore.CSV)
        #expect(
            csv.count == 2 && csv[0].hasPrefix("id,status,verdict") && csv[0].hasSuffix(",enqueued_at,minor,template_id,template_size,posting_count")
                && csv[1].hasPrefix("1,decided,confirmed,5,ana") && csv[1].hasSuffix(",false,,0,1"))
        result = try runRedFlag(["queue", "stats", "--db", db, "--format", "json"], in: folder)
        #expect(result.status == 0 && result.stdout.contains(#""by_verdict":{"confirmed":1"#))
        result = try runRedFlag(["queue", "audit", "--verify", "--db", db], in: folder)
        #expect(result.status == 0 && result.stdout.hasPrefix("ok:"))
        result = try runRedFlag(
            ["queue", "export", "--status", "confirmed", "--out", folder.path("case"), "--db", db, "--actor", "lead"],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("case/MANIFEST.sha256")))
    }

    @Test(
        "review through a pipe: scripted keys decide, note, skip and quit; plain [family: text] markers",
        .enabled(if: binaryAvailable, .init(rawValue: missing)))
    func reviewThroughPipe() async throws {
        let db = folder.path("review.sqlite")
        let queue = try makeQueue(db)
        let evidence = #"[{"family":"youth","feature":"just_turned_18","match":"just turned 18","start":4,"end":18}]"#
        _ = try await queue.enqueue(
            [
                submission(
                    "she just turned 18 \u{1B}[2J call", score: 0.9, phones: ["5550001111"], families: ["youth"],
                    evidence: evidence),
                submission("second ad", score: 0.8, phones: ["5550001111"]), submission("third ad", score: 0.7),
            ], actor: "seed")
        // Item 1: confirm with severity 4 and a note. Item 2: add a note, then skip. Item 3: dismiss with defaults.
        let keys = "c\n4\nmatches case 7\nn\ncheck the phone\ns\nd\n\n\n"
        let result = try runRedFlag(["review", "--db", db, "--reviewer", "ana"], in: folder, stdin: keys)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[youth: just turned 18]"))
        #expect(!result.stdout.contains("\u{1B}"), "escape sequences reached the output")
        #expect(result.stdout.contains("linked by contact (1 ad,"))
        #expect(result.stdout.contains("Nothing left to review (skipped 1)"))
        #expect(result.stdout.contains("reviewed 2: confirmed 1, dismissed 1, escalated 0; skipped 1"))
        let first = try #require(try await queue.item(id: 1))
        #expect(first.decision?.verdict == .confirmed)
        #expect(first.decision?.severity == 4)
        #expect(first.decision?.note == "matches case 7")
        let second = try #require(try await queue.item(id: 2))
        #expect(second.status == .pending)
        #expect(try await queue.notes(of: 2).map(\.text) == ["check the phone"])
        let third = try #require(try await queue.item(id: 3))
        #expect(third.decision?.verdict == .dismissed)
        #expect(third.decision?.severity == 3)
        #expect(third.decision?.note == nil)

        // Quitting (or the end of input) releases the claim.
        let quit = try runRedFlag(["review", "--db", db, "--reviewer", "bob"], in: folder, stdin: "q\n")
        #expect(quit.status == 0)
        #expect(try await queue.item(id: 2)?.status == .pending)
        let eof = try runRedFlag(["review", "--db", db, "--reviewer", "bob"], in: folder, stdin: "")
        #expect(eof.status == 0)
        #expect(try await queue.item(id: 2)?.status == .pending)
        #expect(try await queue.auditEvents(itemID: 2, after: nil, limit: nil).map(\.action).suffix(2) == [.claim, .release])
    }

    @Test(
        "review in a real terminal (tmux): single keys in raw mode, colour, then the terminal restored",
        .enabled(
            if: binaryAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"),
            .init(rawValue: "needs the redflag binary and tmux")))
    func reviewInTmux() async throws {
        let db = folder.path("tmux.sqlite")
        let queue = try makeQueue(db)
        let evidence = #"[{"family":"youth","feature":"just_turned_18","match":"just turned 18","start":4,"end":18}]"#
        _ = try await queue.enqueue(
            [submission("she just turned 18 call me", score: 0.9, families: ["youth"], evidence: evidence)],
            actor: "seed")
        let command =
            "env -u NO_COLOR TERM=xterm-256color \(redflagBinary!) review --db \(db) --reviewer ana; echo EXITED $?; sleep 30"
        let tmux = try TmuxSession(command, columns: 160, rows: 50, in: folder)
        defer { tmux.kill() }
        let first = tmux.screen(until: "[c]onfirm", escapes: true)
        #expect(first.contains("\u{1B}["), "no colour on a terminal")
        #expect(first.contains("just turned 18"))
        #expect(!first.contains("[youth: just turned 18]"))
        tmux.send("e")  // one key, no Enter: raw mode
        _ = tmux.screen(until: "severity 1-5")
        tmux.send("5", "Enter")
        _ = tmux.screen(until: "note (optional)")
        tmux.send("pimp mentioned", "Enter")
        // Escalating shows where to report it, until a key is pressed.
        let referral = tmux.screen(until: "press any key")
        #expect(referral.contains("National Human Trafficking Hotline: call 1-888-373-7888"), "\(referral)")
        tmux.send("Space")
        let done = tmux.screen(until: "EXITED")
        #expect(done.contains("EXITED 0"), "\(done)")
        let item = try #require(try await queue.item(id: 1))
        #expect(item.decision?.verdict == .escalated)
        #expect(item.decision?.severity == 5)
        #expect(item.decision?.note == "pimp mentioned")
    }

    @Test("figures: enqueue rate for 10,000 submissions and claim latency")
    func figures() async throws {
        let queue = try makeQueue(folder.path("figures.sqlite"))
        let all = (0..<10_000).map {
            submission(
                String(repeating: "ad \($0) with some words ", count: 40), score: Double($0 % 1000) / 1000,
                phones: ["555\(1_000_000 + $0 % 997)"], families: ["youth"], features: ["bias": 1, "youth.x": 1])
        }
        let start = ContinuousClock.now
        for batch in stride(from: 0, to: all.count, by: 500) {
            _ = try await queue.enqueue(Array(all[batch..<min(batch + 500, all.count)]), actor: "bench")
        }
        let enqueueTime = ContinuousClock.now - start
        var latencies: [Duration] = []
        for _ in 0..<200 {
            let t = ContinuousClock.now
            _ = try await queue.claimNext(reviewer: "bench")
            latencies.append(ContinuousClock.now - t)
        }
        latencies.sort()
        #expect(try await queue.stats().total == 10_000)
        let seconds = Double(enqueueTime.components.seconds) + Double(enqueueTime.components.attoseconds) / 1e18
        print(
            "figure: enqueued 10,000 submissions (500 per transaction) in \(enqueueTime): "
                + "\(Int(10_000 / seconds))/s; claim p50 \(latencies[100]), p99 \(latencies[198]) over 200 claims")
    }
}
