import Foundation
import RedFlagTestSupport
import Testing

/// `redflag indicators`, the analysts' guide, through the built binary: every family the lexicon defines is listed
/// with a description, examples, what the research says and its weight in the shipped model.
@Suite("redflag indicators", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct IndicatorsCommandTests {
    /// The families `Models/lexicon.yaml` defines, read from its entries' `family:` lines.
    static func lexiconFamilies() throws -> Set<String> {
        let text = try String(contentsOfFile: repositoryRoot + "/Models/lexicon.yaml", encoding: .utf8)
        var families: Set<String> = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), trimmed.hasPrefix("family: ") else { continue }
            families.insert(String(trimmed.dropFirst("family: ".count)))
        }
        return families
    }

    /// `family.<name>` weights of the shipped suspicion model, read from its JSON.
    static func modelWeights() throws -> [String: Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Models/default.json"))
        let model = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let names = try #require(model["featureNames"] as? [String])
        let row = try #require((model["weights"] as? [[Double]])?.last)
        var weights: [String: Double] = [:]
        for (name, weight) in zip(names, row) where name.hasPrefix("family.") {
            weights[String(name.dropFirst("family.".count))] = weight
        }
        return weights
    }

    @Test("--format json lists every family the lexicon defines, each with a description and its model weight")
    func json() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try runRedFlag(["indicators", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let guide = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(guide["model"] as? String == "default")
        let families = try #require(guide["families"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: families.map { ($0["family"] as? String ?? "", $0) })
        let defined = try Self.lexiconFamilies()
        #expect(defined.count == 16, "\(defined.sorted())")
        #expect(defined.isSubset(of: Set(byName.keys)), "missing: \(defined.subtracting(byName.keys).sorted())")
        let weights = try Self.modelWeights()
        for name in defined.sorted() {
            let family = try #require(byName[name])
            for key in ["description", "not_counted", "research"] {
                let text = family[key] as? String ?? ""
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(name) has no \(key)")
            }
            #expect((family["examples"] as? [String])?.isEmpty == false, "\(name) has no example phrases")
            if name == "underage_age" {
                // Decided by the minor rule, not weighed: the guide says so instead of giving a number.
                #expect(family["weight"] is NSNull)
                #expect((family["weight_note"] as? String)?.contains("minor rule") == true)
            } else {
                let weight = try #require(family["weight"] as? Double, "\(name) has no model weight")
                #expect(abs(weight - (weights[name] ?? .nan)) < 1e-12, "\(name): \(weight) vs the model's")
            }
        }
        // What the research says, where it says something definite.
        let movement = try #require(byName["movement"])
        #expect((movement["weight"] as? Double ?? 0) < 0)
        #expect((movement["research"] as? String)?.contains("70% less likely") == true)
        for name in ["trust_language", "obfuscated_phone", "youth", "ethnicity_stated"] {
            #expect((byName[name]?["research"] as? String)?.contains("significant predictors") == true, "\(name)")
        }
        // The lexicon's minor entries are named where they belong.
        #expect((byName["youth"]?["minor_entries"] as? [String])?.contains("jailbait") == true)
    }

    @Test("the text guide reads as blocks per family; a guide that leaves out a family is refused by name")
    func textAndMissingFamily() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var result = try runRedFlag(["indicators"], in: folder, environment: ["COLUMNS": "100"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nmovement  (") && result.stdout.contains("model weight -"))
        #expect(result.stdout.contains("  means: ") && result.stdout.contains("  research: "))
        #expect(result.stdout.contains("  weight: no model weight: decided by the minor rule"))
        // Wrapped to the terminal, except a file's path, which is one word.
        for line in result.stdout.split(separator: "\n") where !line.contains(repositoryRoot) {
            #expect(line.count <= 100, "\(line)")
        }

        try folder.write(
            "version: 1\nfamilies:\n  - family: youth\n    meaning: young\n    not: petite\n    research: predicts\n",
            to: "partial.yaml")
        result = try runRedFlag(["indicators", "--guide", "partial.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("partial.yaml does not describe") && result.stderr.contains("movement"))
    }
}
