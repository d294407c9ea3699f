import Foundation
import RedFlagContract
import RedFlagCore
import RedFlagFeatures
import RedFlagIngest
import RedFlagPipeline
import RedFlagQueue
import RedFlagService
import RedFlagTestSupport
import Testing

/// Enqueueing scan results and learning from decisions, as the command line and a server do through the service.
@Suite("Queue service")
struct QueueServiceTests {
    @Test("flagged results are enqueued once; decisions come back as training examples with the stored vector")
    func enqueueAndLearn() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let queue = try SQLiteReviewQueue(path: folder.path("q.sqlite"))
        let configuration = RedFlagConfiguration(modelFolders: [repositoryRoot + "/Models"])
        let features = try configuration.loadFeatureExtractor()
        let scorer = try configuration.loadScorer(lexicon: features.lexicon)
        let service = try ScanService(features: features, scorer: scorer, jobs: 1, keepsFlaggedContent: true)
        let enqueuer = Enqueuer(queue: queue)
        // As `scan --enqueue` does: the scan on a thread of its own, feeding the enqueuer a batch at a time.
        let flagged = await runOnOwnThread { () -> [ScanResult] in
            var flagged: [ScanResult] = []
            var reader = AdReader(paths: [samplesFolder + "/pages"])
            let feeder = EnqueueFeeder(enqueuer)
            _ = service.scan(&reader) { result in
                if result.assessment?.flagged == true { flagged.append(result) }
                feeder.add(result)
            }
            feeder.finish()
            return flagged
        }
        let (failure, queued) = (await enqueuer.failure, await enqueuer.queued)
        #expect(!flagged.isEmpty && failure == nil && queued == Set(flagged.compactMap(\.sha256)).count)
        let item = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(
            id: item.id, verdict: .confirmed, severity: 3, note: nil, reviewer: "ana", claimToken: item.claim?.token)
        let examples = try await QueueTraining.examples(from: queue)
        #expect(examples.count == 1)
        #expect(examples[0].id == "queue:\(item.id)" && examples[0].suspicious == true)
        let source = try #require(flagged.first { $0.sha256 == item.sha256 })
        #expect(examples[0].vector == source.features?.vector)
    }

    @Test("an import line becomes a submission whose hash is its content's")
    func importRecord() throws {
        let line = #"{"id":"x","score":0.9,"text":"young and new","entities":{"phones":["7025550147"]}}"#
        let record = try JSONDecoder().decode(ImportRecord.self, from: Data(line.utf8))
        let submission = try record.submission()
        #expect(submission.sha256 == sha256Hex("young and new"))
        #expect(submission.entities.phones == ["7025550147"] && submission.contentKind == "text")
        #expect(submission.sha256Verified && submission.entities.ages.isEmpty)
    }

    /// `queue import` signs each ad as a scan does: an imported repost of a scanned text carries the same
    /// signature, so it joins that text's cluster.
    @Test("an imported ad is signed like a scanned one; a removed ad's page is not")
    func importSigns() throws {
        let features = try RedFlagConfiguration(modelFolders: [repositoryRoot + "/Models"]).loadFeatureExtractor()
        let text =
            "Hi gentlemen, I am Sofia, sweet and caring, visiting this week only. Call me at 702-555-0147 for a relaxing time, incall or outcall, no rush."
        let html = "<html><body><p>" + text + "</p></body></html>"
        let scratch = FeatureScratch()
        let scanned = try #require(features.features(ofText: text, scratch: scratch, signsTemplate: true).template)
        for line in [
            #"{"id":"a","score":0.9,"text":"\#(text)"}"#, #"{"id":"b","score":0.9,"html":"\#(html)"}"#,
        ] {
            let record = try JSONDecoder().decode(ImportRecord.self, from: Data(line.utf8))
            let submission = try record.submission(signingWith: features, scratch: scratch)
            #expect(submission.template == scanned, "\(line)")
        }
        let removed = try JSONDecoder().decode(
            ImportRecord.self,
            from: Data(#"{"id":"r","score":0.9,"text":"The requested ad could not be found. Recent escorts ads. Posted: Mon. Jun. 20, 9:40 PM"}"#.utf8))
        #expect(try removed.submission(signingWith: features, scratch: scratch).template == nil)
    }
}
