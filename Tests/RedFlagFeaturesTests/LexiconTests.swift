import Foundation
import Testing
import RedFlagIngest
@testable import RedFlagFeatures
import RedFlagContract

@Suite("Lexicon")
struct LexiconTests {
    /// Every example of every entry fires and no counterexample does — including one counterexample per
    /// suppressor — through the real normalizer and engine; no pattern matches the empty string or hits PCRE2's
    /// limits on hostile input.
    @Test func shippedLexiconPassesItsOwnChecks() {
        let problems = LexiconLint().problems(in: shippedExtractor.lexicon)
        #expect(problems.isEmpty, "\(problems.prefix(20).map(\.description).joined(separator: "\n"))")
    }

    @Test func shippedLexiconCoversEveryFamilyWithExamplesAndSuppressors() {
        let entries = shippedExtractor.lexicon.entries
        for family in Family.allCases {
            #expect(entries.contains { $0.family == family }, "no entry for \(family)")
        }
        #expect(entries.count >= 150)
        #expect(entries.allSatisfy { ($0.examples?.count ?? 0) >= 2 && ($0.counterexamples?.count ?? 0) >= 1 })
        let suppressed = entries.filter { !($0.suppress ?? []).isEmpty }
        #expect(suppressed.count >= 30)
        // Evidence: movement language goes against trafficking.
        #expect(entries.filter { $0.family == .movement }.allSatisfy { $0.weight < 0 })
    }

    @Test func prefilterLosesNoHit() throws {
        let pages = try FileManager.default.contentsOfDirectory(
            at: repositoryURL.appendingPathComponent("Samples/pages"), includingPropertiesForKeys: nil)
        var texts = try pages.map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
        texts += shippedExtractor.lexicon.entries.flatMap { ($0.examples ?? []) + ($0.counterexamples ?? []) }
        // And 400 whole ads of the held-out corpus (unseen layouts and phrasing), through the HTML extractor.
        let html = HTMLExtractor()
        for item in AdReader(paths: [repositoryURL.appendingPathComponent("Models/training/holdout.jsonl.gz").path])
            .prefix(400)
        {
            if case .record(let record) = item, let document = try? html.extract(record.content) {
                texts.append(document.text)
            }
        }
        let scratch = FeatureScratch()
        var compared = 0
        for text in texts {
            scratch.wordNormalizer.normalize(text, into: &scratch.wordView)
            let fast = shippedExtractor.matcher.match(view: scratch.wordView, text: text, scratch: scratch)
            let full = shippedExtractor.matcher.match(
                view: scratch.wordView, text: text, scratch: scratch, prefilter: false)
            #expect(fast == full, "prefilter changed the hits of: \(text.prefix(80))")
            compared += full.count
        }
        #expect(compared > 3000)
    }

    @Test func badPatternNamesItsEntryAndPosition() throws {
        let bad = try lexicon(
            """
            version: 1
            entries:
              - id: fine
                family: youth
                weight: 1
                patterns: ['\\byoung\\b']
              - id: broken_one
                family: drugs
                weight: 1
                patterns: ['\\bparty(?:\\s+hard']
            """)
        #expect {
            _ = try FeatureExtractor(lexicon: bad)
        } throws: { error in
            let error = error as! LexiconError
            return error.entry == "broken_one" && error.message.contains("offset 17") && error.message.contains("pattern 1")
        }
    }

    @Test func duplicateIdsAndUnknownFamiliesAreRefused() {
        #expect(throws: LexiconError.self) {
            try lexicon(
                """
                version: 1
                entries:
                  - {id: a, family: youth, weight: 1, patterns: ['young']}
                  - {id: a, family: drugs, weight: 1, patterns: ['party']}
                """)
        }
        #expect {
            try lexicon(
                """
                version: 1
                entries:
                  - {id: a, family: teenage_stuff, weight: 1, patterns: ['young']}
                """)
        } throws: { error in
            (error as! LexiconError).message.contains("unknown family \"teenage_stuff\"")
        }
    }

    @Test func lintFindsEmptyMatchesCatastrophicPatternsAndWrongExamples() throws {
        let risky = try lexicon(
            """
            version: 1
            entries:
              - id: empty
                family: youth
                weight: 1
                patterns: ['(?:young)?']
              - id: catastrophic
                family: drugs
                weight: 1
                patterns: ['(?:a+)+$']
              - id: liar
                family: trust_language
                weight: 1
                patterns: ['\\breal\\s+pics\\b']
                examples: ['totally genuine photos']
                counterexamples: ['real pics only']
            """)
        let problems = LexiconLint().problems(in: risky).map(\.description)
        #expect(problems.contains { $0.hasPrefix("empty: pattern matches the empty string") })
        #expect(problems.contains { $0.hasPrefix("catastrophic: pattern hits PCRE2's resource limits") })
        #expect(problems.contains { $0.hasPrefix("liar: example does not fire") })
        #expect(problems.contains { $0.hasPrefix("liar: counterexample fires") })
    }

    @Test func suppressorCancelsOnlyHitsItContains() throws {
        let lex = try lexicon(
            """
            version: 1
            entries:
              - id: virgin
                family: youth
                weight: 1
                patterns: ['\\bvirgin']
                suppress: ['\\bvirgin(?:ia|\\s+islands?)']
            """)
        let extractor = try FeatureExtractor(lexicon: lex)
        let hits = extractor.features(ofText: "Virginia girl, a real virgin, Virgin Islands", scratch: FeatureScratch())
            .indicators
        #expect(hits.map(\.match) == ["virgin"])
        #expect(hits.first?.start == 22)
    }

    @Test func hitsCarryOffsetsIntoTheOriginalText() {
        let text = "🍒 Swéet 𝓎𝑜𝓊𝓃𝑔 girl, just turned 19"
        let hit = try! #require(features(text).indicators.first { $0.entry == "just_turned_18" })
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[hit.start..<hit.end])) == "just turned 19")
        #expect(hit.match == "just turned 19")
        let young = try! #require(features(text).indicators.first { $0.family == .youth && $0.match.contains("𝓎") })
        #expect(young.match == "𝓎𝑜𝓊𝓃𝑔")
    }
}
