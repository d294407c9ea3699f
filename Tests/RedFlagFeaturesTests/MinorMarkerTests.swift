import Foundation
import Testing
@testable import RedFlagFeatures
import RedFlagContract

/// The lexicon's `minor: true` marker: which entries carry it, that hits carry it, and that lint keeps it to youth
/// and underage_age wording.
@Suite("Minor marker")
struct MinorMarkerTests {
    @Test func markedEntriesAreYouthOrUnderageWordingAndAdultStatementsAreNot() {
        let entries = shippedExtractor.lexicon.entries
        let marked = Set(entries.filter(\.minor).map(\.id))
        for id in ["jailbait", "lolita", "sweet_sixteen", "school_girl", "high_school", "es_colegiala", "es_secundaria"] {
            #expect(marked.contains(id), "\(id) should point to a minor")
        }
        // Wording that states adulthood, or that adults use of themselves, is not marked.
        for id in ["barely_legal", "just_turned_18", "teen", "young", "college_girl", "daddys_girl"] {
            #expect(!marked.contains(id), "\(id) should not point to a minor by itself")
        }
        // Every stated age under 18 points to a minor.
        let unmarkedAges = entries.filter { $0.family == .underageAge && !$0.minor }.map(\.id)
        #expect(unmarkedAges.isEmpty, "underage_age entries without the marker: \(unmarkedAges)")
        let markedElsewhere = entries.filter { $0.minor && !LexiconLint.minorFamilies.contains($0.family) }.map(\.id)
        #expect(markedElsewhere.isEmpty, "marked outside youth and underage_age: \(markedElsewhere)")
    }

    @Test func hitsCarryTheMarker() {
        let hits = features("total jailbait looks, barely legal and sweet").indicators
        let jailbait = hits.first { $0.entry == "jailbait" }
        let barelyLegal = hits.first { $0.entry == "barely_legal" }
        #expect(jailbait?.minor == true)
        #expect(barelyLegal?.minor == false)
    }

    @Test func lintRefusesTheMarkerOutsideYouthAndUnderageFamilies() throws {
        let marked = try lexicon(
            """
            version: 1
            entries:
              - id: in_town
                family: movement
                minor: true
                weight: -1
                patterns: ['\\bin\\s+town\\b']
                examples: ['new in town']
              - id: jail_bait
                family: youth
                minor: true
                weight: 1
                patterns: ['\\bjail\\s*bait\\b']
                examples: ['jail bait']
            """)
        #expect(marked.entries.map(\.minor) == [true, true])
        let problems = LexiconLint().problems(in: marked)
        #expect(problems.count == 1)
        #expect(problems.first?.entry == "in_town")
        #expect(problems.first?.message.contains("minor") == true)
        // Absent means false.
        let plain = try lexicon(
            "version: 1\nentries:\n  - id: young\n    family: youth\n    weight: 1\n    patterns: ['young']\n")
        #expect(plain.entries.first?.minor == false)
    }
}
