#if Postgres
    import Foundation
    import PostgresNIO
    import RedFlagTestSupport
    import Testing

    @testable import RedFlagQueue

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Distributed batch scans against the real server (``PostgresTestServer``): the work items' claims, leases and
    /// fencing tokens (``PostgresScanWorkQueue``), and `scan --work`, `redflag worker` and `scan --status` through the
    /// binary, one worker killed with SIGKILL mid-item.
    @Suite(
        "Distributed scans: work items, workers, a worker killed mid-run",
        .serialized,
        .enabled("needs a PostgreSQL server in REDFLAG_TEST_POSTGRES_URL") { await PostgresTestServer.isAvailable })
    final class DistributedScanTests: Sendable {
        let folder: TemporaryFolder

        init() throws { folder = try TemporaryFolder() }
        deinit { folder.cleanUp() }

        /// Runs every lease that is running out an hour ago, as a dead worker's would have: the technique river and
        /// pg-boss test with, so no test waits on a short real lease on a loaded machine.
        func expireLeases(_ queue: PostgresReviewQueue) async throws {
            try await queue.write { sql in
                try await sql.run(
                    "UPDATE work_item SET lease_expires_ms = lease_expires_ms - 3600000 WHERE status = 'running'")
            }
        }

        func spec(_ name: String, range: Range<Int>? = nil) -> WorkSpec {
            WorkSpec(
                path: "/data/\(name)", byteRange: range, fileSize: 1000, modifiedNanoseconds: 7, settings: "{}")
        }

        // MARK: The store

        @Test("registering is idempotent by content: the same set is the same run, a changed file a new item")
        func registration() async throws {
            let queue = try await PostgresTestServer.freshQueue(clock: ManualClock())
            let work = PostgresScanWorkQueue(queue: queue)
            let specs = [spec("a.jsonl", range: 0..<600), spec("a.jsonl", range: 600..<1000), spec("b.html")]
            let first = try await work.register(specs, by: "ana")
            #expect(first.items == 3 && first.newItems == 3 && !first.existingRun)
            #expect(first.runID == WorkSpec.runID(of: specs) && first.runID.count == 16)
            let again = try await work.register(specs.reversed(), by: "bob")
            #expect(again.runID == first.runID && again.newItems == 0 && again.existingRun)

            // Another set sharing two items: a new run, one new item; an item done before is not scanned again.
            guard case .claimed(let item) = try await work.claim(
                worker: "w", run: nil, lease: .seconds(60), maxAttempts: 3)
            else { Issue.record("nothing claimed"); return }
            #expect(item.spec == specs[0] && item.attempt == 1 && item.fence == 1)
            #expect(try await work.finish(item, outcome: WorkOutcome(ads: 10, flagged: 4, queued: 4)))
            var changed = spec("b.html")
            changed.modifiedNanoseconds = 8
            let other = try await work.register([specs[0], specs[2], changed], by: "ana")
            #expect(other.runID != first.runID && other.newItems == 1 && other.alreadyDone == 1)

            let status = try await work.status(run: first.runID)
            #expect(status.total == 3 && status.done == 1 && status.pending == 2 && status.ads == 10)
            #expect(try await work.status(run: nil).total == 4)
            let unknown = await expectQueueError(.itemNotFound) { _ = try await work.status(run: "0123456789abcdef") }
            #expect(unknown?.message.contains("no scan run 0123456789abcdef") == true)
            #expect(unknown?.message.contains("--") == false, "a library names no flag: \(unknown?.message ?? "")")
            await expectQueueError(.invalidInput) { _ = try await work.register([], by: "ana") }
            await queue.close()
        }

        @Test("a lapsed claim is taken over, and the first holder's writes are fenced off")
        func fencing() async throws {
            let queue = try await PostgresTestServer.freshQueue(clock: ManualClock())
            let work = PostgresScanWorkQueue(queue: queue)
            _ = try await work.register([spec("a.jsonl")], by: "ana")
            guard case .claimed(let stale) = try await work.claim(
                worker: "w1", run: nil, lease: .seconds(60), maxAttempts: 3)
            else { Issue.record("nothing claimed"); return }
            // Held: another worker waits.
            #expect(try await work.claim(worker: "w2", run: nil, lease: .seconds(60), maxAttempts: 3) == .waiting(inFlight: 1))
            try await expireLeases(queue)
            #expect(try await work.status(run: nil).stalled == 1)
            guard case .claimed(let fresh) = try await work.claim(
                worker: "w2", run: nil, lease: .seconds(60), maxAttempts: 3)
            else { Issue.record("not taken over"); return }
            #expect(fresh.id == stale.id && fresh.attempt == 2 && fresh.fence == stale.fence + 1)
            // The first holder wakes up: every write of its claim is refused.
            #expect(try await !work.renew(stale, lease: .seconds(60)))
            #expect(try await !work.finish(stale, outcome: WorkOutcome(ads: 1)))
            #expect(try await !work.fail(stale, error: "late"))
            #expect(try await !work.release(stale))
            #expect(try await work.renew(fresh, lease: .seconds(60)))
            #expect(try await work.finish(fresh, outcome: WorkOutcome(ads: 5)))
            #expect(try await work.claim(worker: "w2", run: nil, lease: .seconds(60), maxAttempts: 3) == .finished)
            let status = try await work.status(run: nil)
            #expect(status.done == 1 && status.takenOver == 1 && status.ads == 5)
            await queue.close()
        }

        @Test("an item whose workers all stop is failed after the last attempt; a released one is not counted")
        func attempts() async throws {
            let queue = try await PostgresTestServer.freshQueue(clock: ManualClock())
            let work = PostgresScanWorkQueue(queue: queue)
            _ = try await work.register([spec("poison.jsonl"), spec("fine.jsonl")], by: "ana")
            // Given back twice (a worker told to stop): attempts are not used up.
            for _ in 0..<2 {
                guard case .claimed(let item) = try await work.claim(
                    worker: "w", run: nil, lease: .seconds(60), maxAttempts: 2)
                else { Issue.record("nothing claimed"); return }
                #expect(item.attempt == 1)
                #expect(try await work.release(item))
            }
            for attempt in 1...2 {
                guard case .claimed(let item) = try await work.claim(
                    worker: "w\(attempt)", run: nil, lease: .seconds(60), maxAttempts: 2)
                else { Issue.record("nothing claimed"); return }
                #expect(item.spec.path == "/data/poison.jsonl" && item.attempt == attempt)
                try await expireLeases(queue)
            }
            // The third claim gives up on it and takes the next item.
            guard case .claimed(let next) = try await work.claim(
                worker: "w3", run: nil, lease: .seconds(60), maxAttempts: 2)
            else { Issue.record("nothing claimed"); return }
            #expect(next.spec.path == "/data/fine.jsonl")
            let status = try await work.status(run: nil)
            #expect(status.failed == 1 && status.inFlight == 1)
            #expect(status.failures.first?.item == "/data/poison.jsonl")
            #expect(status.failures.first?.error.contains("2 worker(s) stopped") == true, "\(status.failures)")
            await queue.close()
        }

        // MARK: Through the binary

        /// `--db` for the binary: the test server's URL with this queue's schema.
        func url(schema: String) -> String {
            let base = ProcessInfo.processInfo.environment[PostgresTestServer.variable] ?? ""
            return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        }

        /// 30 JSONL files of 30 ads, each ad's text its own (so its own content hash) and with evidence enough to
        /// flag at a threshold of 0.01.
        func writeFiles() throws -> (paths: [String], ids: Set<String>) {
            var ids: Set<String> = []
            var paths: [String] = []
            for file in 0..<30 {
                var lines: [String] = []
                for ad in 0..<30 {
                    let id = "f\(file)-\(ad)"
                    ids.insert(id)
                    lines.append(
                        #"{"id":"\#(id)","text":"new in town, just turned 18, young and sweet, ask for daddy, "#
                            + #"ad \#(file) \#(ad) \#(String(repeating: "more words ", count: 20))"}"#)
                }
                paths.append(try folder.write(lines.joined(separator: "\n") + "\n", to: "ads-\(file).jsonl"))
            }
            return (paths, ids)
        }

        @Test(
            "3 workers over 30 files, one killed with SIGKILL mid-item: every ad lands in the queue exactly once",
            .enabled(if: binaryAvailable, .init(rawValue: ProcessTests.missing)))
        func killedWorker() async throws {
            let location = try PostgresTestServer.freshLocation()
            let db = url(schema: location.schema)
            let (paths, ids) = try writeFiles()
            var result = try runRedFlag(["scan", "--work", db] + paths, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let run = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(run.count == 16 && result.stderr.contains("30 item(s) (30 file(s)), 30 new"), "\(result.stderr)")
            // Registering again changes nothing.
            result = try runRedFlag(["scan", "--work", db] + paths, in: folder)
            #expect(result.stdout.hasPrefix(run) && result.stderr.contains("0 new"), "\(result.stderr)")

            let workers = try (0..<3).map {
                try RedFlagProcess(
                    [
                        "worker", "--db", db, "--run", run, "-j", "1", "--lease", "2", "--threshold", "0.01", "--name",
                        "w\($0)",
                    ], in: folder)
            }
            // Kill w0 right after it claims an item, once it has finished one: it dies holding that item.
            let deadline = ContinuousClock.now + .seconds(120 * testTimeScale)
            var killedItem: String?
            while ContinuousClock.now < deadline {
                let lines = workers[0].stderrSoFar.split(separator: "\n")
                if let done = lines.firstIndex(where: { $0.hasPrefix("done ") }),
                    let claimed = lines[(done + 1)...].first(where: { $0.hasPrefix("claimed ") })
                {
                    workers[0].kill()
                    killedItem = String(claimed.dropFirst("claimed ".count).prefix { $0 != " " })
                    break
                }
                if workers[0].process.isRunning == false { break }
                usleep(10_000)
            }
            let killed = workers[0].wait()
            #expect(killed.signalled, "w0 was not killed mid-run: \(killed.stderr)")
            for worker in workers.dropFirst() {
                let finished = worker.wait()
                #expect(finished.status == 0 && !finished.signalled, "\(finished.stderr)")
            }
            let survivors = workers.dropFirst().map { $0.stderrSoFar }.joined()
            if let killedItem {
                #expect(survivors.contains("claimed \(killedItem) (item"), "no survivor took over \(killedItem)")
                #expect(survivors.contains("taken over: attempt 2"), "\(survivors)")
            }

            result = try runRedFlag(["scan", "--status", "--db", db, "--run", run, "--format", "json"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let status = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
            #expect(status["done"] as? Int == 30 && status["failed"] as? Int == 0, "\(result.stdout)")
            #expect(status["pending"] as? Int == 0 && status["in_flight"] as? Int == 0, "\(result.stdout)")
            #expect((status["taken_over"] as? Int ?? 0) >= 1, "\(result.stdout)")
            // The done items' counts are the successful scans: each ad once, however often its file was read.
            #expect(status["ads"] as? Int == 900 && status["flagged"] as? Int == 900, "\(result.stdout)")
            result = try runRedFlag(["scan", "--status", "--db", db, "--run", run], in: folder)
            #expect(result.stdout.contains("30 item(s): 30 done"), "\(result.stdout)")
            result = try runRedFlag(["scan", "--status", "--db", db, "--run", "0123456789abcdef"], in: folder)
            #expect(result.status != 0)
            #expect(result.stderr.contains("no scan run 0123456789abcdef in "), "\(result.stderr)")
            #expect(
                result.stderr.contains(": `redflag scan --work` prints the id of the run it registers"), "\(result.stderr)")

            let queue = try await PostgresReviewQueue.open(location, creating: false)
            let items = try await queue.list(filter: QueueFilter())
            #expect(items.count == 900)
            #expect(Set(items.map(\.adID)) == ids)
            #expect(Set(items.map(\.sha256)).count == 900)
            // One event per ad: the killed worker's ads, scanned again, added neither items nor events.
            let events = try await queue.auditEvents()
            #expect(events.count == 900 && events.allSatisfy { $0.action == .enqueue })
            #expect(Set(events.compactMap(\.itemID)).count == 900)
            #expect(try await queue.verifyAudit().isValid)
            let taken = status["taken_over"] as? Int ?? 0
            print("figure: 3 workers, w0 killed holding \(killedItem ?? "?"); \(taken) item(s) taken over; \(status)")
            await queue.close()
        }

        @Test(
            "a dump's parts are scanned once each; a missing file fails naming it; --status exits 65 then",
            .enabled(if: binaryAvailable, .init(rawValue: ProcessTests.missing)))
        func partsAndFailures() async throws {
            let location = try PostgresTestServer.freshLocation()
            let db = url(schema: location.schema)
            var lines: [String] = []
            for ad in 0..<1500 {
                lines.append(
                    #"{"id":"big-\#(ad)","text":"just turned 18, new in town, ask for daddy, ad \#(ad) "#
                        + String(repeating: "padding ", count: 100) + #""}"#)
            }
            let dump = try folder.write(lines.joined(separator: "\n") + "\n", to: "dump.jsonl")
            let gone = try folder.write(#"{"id":"gone","text":"just turned 18"}"# + "\n", to: "gone.jsonl")
            var result = try runRedFlag(["scan", "--work", db, "--part-bytes", "262144", dump, gone], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            // About 1.3 MB in parts of 256 KiB: 5 or 6 parts, and the small file whole.
            let registered = result.stderr.split(separator: " ").firstIndex(of: "item(s)").flatMap {
                Int(result.stderr.split(separator: " ")[$0 - 1])
            }
            #expect((6...7).contains(registered ?? 0), "\(result.stderr)")
            #expect(result.stderr.contains("(2 file(s), \((registered ?? 0) - 1) of them parts of dumps)"))
            try FileManager.default.removeItem(atPath: gone)
            result = try runRedFlag(["worker", "--db", db, "-j", "2", "--threshold", "0.01"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("failed \(gone): \(gone): cannot examine"), "\(result.stderr)")

            result = try runRedFlag(["scan", "--status", "--db", db], in: folder)
            #expect(result.status == 65, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("1 failed") && result.stdout.contains("  \(gone): "), "\(result.stdout)")
            let queue = try await PostgresReviewQueue.open(location, creating: false)
            let items = try await queue.list(filter: QueueFilter())
            #expect(items.count == 1500 && Set(items.map(\.adID)).count == 1500)
            await queue.close()

            // Refusals: a queue file is no place for work items; no paths; options only a plain scan has.
            result = try runRedFlag(["scan", "--work", folder.path("q.sqlite"), dump], in: folder)
            #expect(result.status == 64 && result.stderr.contains("PostgreSQL"), "\(result.stderr)")
            result = try runRedFlag(["scan", "--work", db], in: folder)
            #expect(result.status == 64, "\(result.stderr)")
            result = try runRedFlag(["scan", "--work", db, "--enqueue", dump], in: folder)
            #expect(result.status == 64, "\(result.stderr)")
        }
    }
#endif
