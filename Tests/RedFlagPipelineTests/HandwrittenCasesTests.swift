import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import Testing
@testable import RedFlagPipeline
import RedFlagContract

/// Ads written by hand, by someone who had not read the lexicon or the extractor (Fixtures/handwritten/README.md):
/// stated minors' ages in every form the guide lists, adult ages in free text, and ordinary classifieds that use
/// cue words innocently. The bars of the detection issue, through the shipped lexicon and models.
@Suite("Hand-written cases")
struct HandwrittenCasesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/handwritten")

    struct Case {
        var id: String
        var ages: [Int]
        var result: ScanResult
    }

    static func scan(_ name: String) throws -> [Case] {
        let path = fixtures.appendingPathComponent(name + ".jsonl").path
        var expected: [String: [Int]] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            expected[object["id"] as! String] = object["ages"] as? [Int] ?? []
        }
        let (extractor, scorer) = try ScoredScanTests.shippedModels()
        var reader = AdReader(paths: [path])
        var cases: [Case] = []
        _ = try Scanner(features: extractor, scorer: scorer, jobs: 2).run(&reader, deliver: { result in
            cases.append(Case(id: result.id, ages: expected[result.id] ?? [], result: result))
        })
        #expect(cases.count == expected.count)
        return cases
    }

    /// Every ad stating an age under 18 is flagged, with the rule's reason first among its contributions, and the
    /// age is extracted.
    @Test func everyStatedMinorIsFlagged() throws {
        let cases = try Self.scan("minors")
        #expect(cases.count == 45)
        for c in cases {
            let assessment = try #require(c.result.assessment, "\(c.id)")
            let youngest = try #require(c.ages.min())
            #expect(assessment.flagged, "\(c.id) not flagged (score \(assessment.score))")
            #expect(assessment.contributions.first?.reason == "stated age \(youngest): a minor", "\(c.id)")
            #expect(c.result.features?.entities.ages.contains(youngest) == true, "\(c.id): \(c.result.features?.entities.ages ?? [])")
        }
    }

    /// Stated ages are extracted from free text with recall of at least 0.95 (all of them, today).
    @Test func adultAgesAreExtractedFromFreeText() throws {
        let cases = try Self.scan("adults")
        var found = 0
        var total = 0
        for c in cases {
            let ages = Set(c.result.features?.entities.ages ?? [])
            total += c.ages.count
            found += c.ages.filter(ages.contains).count
            #expect(ages.allSatisfy { c.ages.contains($0) }, "\(c.id): extra ages \(ages.subtracting(c.ages))")
        }
        #expect(Double(found) / Double(total) >= 0.95, "\(found) of \(total)")
    }

    /// At most one in fifty ordinary classifieds with innocent cue words is flagged.
    @Test func ordinaryAdsWithInnocentCueWordsStayOut() throws {
        let cases = try Self.scan("ordinary")
        let flagged = cases.filter { $0.result.assessment?.flagged == true }
        #expect(Double(flagged.count) / Double(cases.count) <= 1.0 / 50.0, "flagged: \(flagged.map(\.id))")
    }
}
