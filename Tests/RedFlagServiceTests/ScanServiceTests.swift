import Foundation
import RedFlagContract
import RedFlagIngest
import RedFlagPipeline
import RedFlagService
import RedFlagTestSupport
import Testing

/// The service layer a server and the command line share: explicit configuration, one ad at a time on the pool,
/// and the same results as the batch scan.
@Suite("Scan service")
struct ScanServiceTests {
    static let configuration = RedFlagConfiguration(modelFolders: [repositoryRoot + "/Models"])

    /// The sample pages as records.
    static func sampleRecords() -> [AdRecord] {
        AdReader(paths: [samplesFolder + "/pages"]).compactMap { item in
            if case .record(let record) = item { return record }
            return nil
        }
    }

    @Test("the configuration names every file it reads: lexicon, vocabulary, models")
    func configurationIsExplicit() {
        let configuration = Self.configuration
        #expect(configuration.lexiconPath == repositoryRoot + "/Models/lexicon.yaml")
        #expect(configuration.vocabularyPath == repositoryRoot + "/Models/category-words.yaml")
        #expect(configuration.modelPath("default") == repositoryRoot + "/Models/default.json")
        #expect(configuration.modelPath("elsewhere/m") == "elsewhere/m.json")
        let empty = RedFlagConfiguration(modelFolders: [NSTemporaryDirectory() + "/no-such-models-\(UUID())"])
        #expect(empty.vocabularyPath == nil && !empty.hasModel("default"))
    }

    @Test("an ad scored on its own equals the same ad in a batch scan")
    func singleAdMatchesBatch() async throws {
        let service = try ScanService(configuration: Self.configuration, jobs: 2)
        let records = Self.sampleRecords()
        #expect(records.count >= 10)
        let batch = service.scanner.process(records.map { SourceItem.record($0) }).map(\.adAssessment)
        for (record, expected) in zip(records, batch) {
            let single = try await service.assess(record)
            #expect(single == expected, "\(record.id)")
        }
        #expect(batch.contains { $0.assessment?.flagged == true })
    }

    @Test("many concurrent calls share two workers and each gets its own ad's result")
    func concurrentCalls() async throws {
        let service = try ScanService(configuration: Self.configuration, jobs: 2)
        let records = Self.sampleRecords()
        let results = try await withThrowingTaskGroup(of: AdAssessment.self) { group in
            for _ in 0..<3 {
                for record in records { group.addTask { try await service.assess(record) } }
            }
            var all: [AdAssessment] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == records.count * 3)
        for record in records {
            let mine = results.filter { $0.id == record.id }
            #expect(mine.count == 3 && Set(mine).count == 1, "\(record.id)")
        }
    }

    @Test("a cancelled request is not scored")
    func cancellation() async throws {
        let service = try ScanService(configuration: Self.configuration, jobs: 1)
        let record = try #require(Self.sampleRecords().first)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await service.assess(record)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("a record that cannot be read gets an assessment carrying the error, without CLI advice")
    func errorsAreData() async throws {
        var options = IngestOptions()
        options.maximumAdBytes = 10
        let service = try ScanService(configuration: Self.configuration, options: options, jobs: 1)
        let record = AdRecord(id: "big", content: .text(String(repeating: "young ", count: 10)), origin: "big")
        let assessment = try await service.assess(record)
        #expect(assessment.error?.code == "too_large")
        #expect(assessment.error?.message == "big: 60 bytes exceeds the limit of 10 bytes per ad; not parsed")
        #expect(assessment.assessment == nil)
    }
}
