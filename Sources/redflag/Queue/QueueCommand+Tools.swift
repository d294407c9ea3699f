import ArgumentParser
import Foundation
import RedFlagIngest
import RedFlagFeatures
import RedFlagQueue
import RedFlagCore
import RedFlagService

extension QueueCommand {
    /// Creates an empty queue: the one explicit way, besides importing and `scan --enqueue`, to make a queue file.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an empty review queue at --db (an existing queue is checked and left as it is).")

        @OptionGroup var database: QueueDatabaseOptions

        func run() async throws {
            try await withQueueErrors {
                let shown = QueueLocation(database.path).displayed
                var existing: (any ReviewQueue)?
                do {
                    existing = try await database.open()
                } catch let error as CLIError where error.status == ExitStatus.noInput {
                    existing = nil
                }
                if let existing {
                    let stats = try await existing.stats()
                    print("\(shown) is already a review queue (\(stats.total) item(s)); left unchanged")
                } else {
                    _ = try await database.openOrCreate()
                    print("created an empty review queue at \(shown)")
                }
            }
        }
    }

    /// Loads submissions from JSONL: for moving items between queues, seeding a queue, and the reliability tests.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enqueue assessed ads from JSONL (one submission per line).",
            discussion: """
                Each line: {"id", "url"?, "captured_at"?, "score", "category"?, "families"?, "evidence"?, \
                "contributions"?, "entities"?, "location"?, "html" or "text", "main_text"?, "features"?}. The \
                sha256 is computed from the html/text bytes. Each batch is one transaction. `redflag scan --enqueue` \
                is the usual way in.
                """,
            shouldDisplay: false
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Argument(help: "A JSONL file, or - for standard input.")
        var path: String

        @Option(help: "Submissions per transaction.")
        var batch = 500

        @Option(help: "Who enqueues (default: $USER).")
        var actor: String?

        @Option(help: "Indicator lexicon the ads' templates are read with (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
        var lexicon: String?

        func validate() throws {
            guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
        }

        func run() async throws {
            try await withQueueErrors {
                let queue = try await database.openOrCreate()
                let actor = actorName(actor)
                let data: Data
                do {
                    data =
                        path == "-"
                        ? FileHandle.standardInput.readDataToEndOfFile()
                        : try Data(contentsOf: URL(fileURLWithPath: path))
                } catch {
                    throw QueueError(.invalidInput, "cannot read \(path): \(error.localizedDescription)")
                }
                let decoder = JSONDecoder()
                // Imported ads are signed as scanned ones are, so they join template clusters. Without the default
                // lexicon (a queue tool run away from the models) they are imported unsigned, and it says so.
                let extractor: FeatureExtractor?
                do {
                    extractor = try loadFeatureExtractor(lexicon)
                } catch where lexicon == nil {
                    FileHandle.standardError.write(Data("redflag: imported ads get no template (\(error)); pass --lexicon\n".utf8))
                    extractor = nil
                }
                let scratch = FeatureScratch()
                var pending: [QueueSubmission] = []
                var counts = (queued: 0, refreshed: 0, reposted: 0, unchanged: 0)
                func flush() async throws {
                    guard !pending.isEmpty else { return }
                    for outcome in try await queue.enqueue(pending, actor: actor) {
                        switch outcome {
                        case .queued: counts.queued += 1
                        case .refreshed: counts.refreshed += 1
                        case .reposted: counts.reposted += 1
                        case .unchangedDecided: counts.unchanged += 1
                        }
                    }
                    pending.removeAll(keepingCapacity: true)
                }
                var lineNumber = 0
                var start = data.startIndex
                while start < data.endIndex {
                    let end = data[start...].firstIndex(of: 10) ?? data.endIndex
                    let line = data[start..<end]
                    start = end < data.endIndex ? end + 1 : end
                    lineNumber += 1
                    if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                    let record: ImportRecord
                    do {
                        record = try decoder.decode(ImportRecord.self, from: Data(line))
                    } catch {
                        throw QueueError(
                            .invalidInput,
                            "\(path):\(lineNumber): not a submission: \(describeJSONError(error, in: Array(line)))")
                    }
                    if let extractor {
                        pending.append(try record.submission(signingWith: extractor, scratch: scratch))
                    } else {
                        pending.append(try record.submission())
                    }
                    if pending.count >= batch { try await flush() }
                }
                try await flush()
                print(
                    "queued \(counts.queued), refreshed \(counts.refreshed), reposted \(counts.reposted), unchanged \(counts.unchanged)")
            }
        }
    }

    /// Claims (and optionally decides) in a loop, printing one line per committed step: the reliability tests'
    /// worker, and a way to measure claim latency.
    struct Drill: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Claim items in a loop, printing `CLAIM <id> <token>` and, with --decide, `ACK <id>`.",
            discussion: "Each line is written after its transaction committed. Stops when nothing is pending.",
            shouldDisplay: false
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Option(help: "Who is claiming.")
        var reviewer: String

        @Option(help: "Decide each claimed item with this verdict.")
        var decide: VerdictOption?

        @Option(help: "Lease in seconds.")
        var lease: Double = 900

        @Option(name: .customLong("think-ms"), help: "Wait a random 0…N ms between claim and decision.")
        var thinkMilliseconds = 0

        @Option(help: "Stop after this many claims (each claimer).")
        var max: Int?

        @Option(help: "Claimers in this process, each its own task (named REVIEWER.1, REVIEWER.2, … when several).")
        var claimers = 1

        func validate() throws {
            guard claimers >= 1 else { throw ValidationError("--claimers must be at least 1") }
        }

        func run() async throws {
            try await withQueueErrors {
                let queue = try await database.open()
                let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
                    for claimer in 1...claimers {
                        let name = claimers == 1 ? reviewer : "\(reviewer).\(claimer)"
                        group.addTask { try await claimLoop(queue, reviewer: name) }
                    }
                    var all: [Double] = []
                    for try await latencies in group { all += latencies }
                    return all.sorted()
                }
                let p50 = latencies.isEmpty ? 0 : latencies[latencies.count / 2]
                let p99 = latencies.isEmpty ? 0 : latencies[Swift.min(latencies.count - 1, latencies.count * 99 / 100)]
                writeNow(String(format: "DONE %d claims, claim p50 %.2f ms, p99 %.2f ms\n", latencies.count, p50, p99))
            }
        }

        /// One claimer: claims until nothing is pending (or --max), printing each line once its transaction
        /// committed; returns each claim's latency in milliseconds.
        private func claimLoop(_ queue: any ReviewQueue, reviewer: String) async throws -> [Double] {
            var latencies: [Double] = []
            while max.map({ latencies.count < $0 }) ?? true {
                let start = ContinuousClock.now
                guard let item = try await queue.claimNext(reviewer: reviewer, lease: .milliseconds(Int64(lease * 1000)))
                else { break }
                latencies.append((ContinuousClock.now - start).seconds * 1000)
                writeNow("CLAIM \(item.id) \(item.claim?.token ?? "-")\n")
                guard let verdict = decide else { continue }
                if thinkMilliseconds > 0 { try await Task.sleep(for: .milliseconds(Int.random(in: 0...thinkMilliseconds))) }
                do {
                    _ = try await queue.decide(
                        id: item.id, verdict: verdict.verdict, severity: 3, note: nil, reviewer: reviewer,
                        claimToken: item.claim?.token)
                    writeNow("ACK \(item.id)\n")
                } catch let error as QueueError where error.code == .claimNotHeld {
                    writeNow("LOST \(item.id)\n")
                }
            }
            return latencies
        }
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
