import Foundation
import Testing
@testable import RedFlagFeatures
import RedFlagContract

/// The family guide (`Models/families.yaml`) that `redflag indicators` prints: every family the lexicon defines is
/// described, and a guide that leaves one out or names an unknown one is caught.
@Suite("Family guide")
struct FamilyGuideTests {
    @Test func everyFamilyTheLexiconDefinesIsDescribed() throws {
        let guide = try FamilyGuide.load(path: repositoryURL.appendingPathComponent("Models/families.yaml").path)
        let lexiconFamilies = Set(shippedExtractor.lexicon.entries.map(\.family))
        #expect(guide.undescribed(lexiconFamilies.sorted()).isEmpty, "\(guide.undescribed(lexiconFamilies.sorted()))")
        #expect(guide.undescribed(Family.allCases).isEmpty)
        // What the research says of the families it singles out.
        #expect(guide.entry(for: .movement)?.research.contains("70% less likely") == true)
        for family in [Family.trustLanguage, .obfuscatedPhone, .youth, .ethnicityStated] {
            #expect(guide.entry(for: family)?.research.contains("significant predictors") == true, "\(family)")
        }
        #expect(guide.entry(for: .underageAge)?.research.contains("7102") == true)
    }

    @Test func guideWithAMissingFamilyOrAnUnknownOneIsCaught() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let partial = folder.appendingPathComponent("partial.yaml").path
        try "version: 1\nfamilies:\n  - family: youth\n    meaning: young\n    not: petite\n    research: predicts\n"
            .write(toFile: partial, atomically: true, encoding: .utf8)
        let guide = try FamilyGuide.load(path: partial)
        #expect(guide.undescribed([.youth, .movement]) == [.movement])
        let unknown = folder.appendingPathComponent("unknown.yaml").path
        try "version: 1\nfamilies:\n  - family: yuoth\n    meaning: x\n    not: y\n    research: z\n"
            .write(toFile: unknown, atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.self) { try FamilyGuide.load(path: unknown) }
    }
}
