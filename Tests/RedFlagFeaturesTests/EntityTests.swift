import Testing
@testable import RedFlagFeatures
import RedFlagContract

@Suite("Entities")
struct EntityTests {
    @Test(arguments: [
        ("call for80 2sixseven one9zerofor now", "4802671904", true),
        ("508 5five5 38four1", "5085553841", true),
        ("7️⃣0️⃣2️⃣5️⃣5️⃣5️⃣0️⃣1️⃣4️⃣7️⃣", "7025550147", true),
        ("７０２-５５５-０１６６", "7025550166", true),
        ("𝟕𝟎𝟐 𝟓𝟓𝟓 𝟎𝟏𝟒𝟕", "7025550147", true),
        ("call 702*555*0147", "7025550147", true),
        ("702~555~0147", "7025550147", true),
        ("3l2.5S5.Ol75", "3125550175", true),
        ("seven 0h two - five5five - zer0 one nine nine", "7025550199", true),
        ("tres cero cinco cinco cinco cinco cero uno dos tres", "3055550123", true),
        ("SEVEN ZERO TWO five five five zero one four seven", "7025550147", true),
        ("7 0 2 5 5 5 0 1 4 7", "7025550147", true),
        ("702💋555💋0147", "7025550147", true),
        ("(702) 555-0147", "7025550147", false),
        ("702.555.0147", "7025550147", false),
        ("+1 702 555 0147", "7025550147", false),
        ("1-702-555-0147", "7025550147", false),
        ("7025550147", "7025550147", false),
        ("rates 150 200 300 400 call 702-555-0147 anytime", "7025550147", false),
        ("call 415/853/7178 now", "4158537178", true),
        ("214\"705\"4934 do not text", "2147054934", true),
    ])
    func phones(text: String, digits: String, obfuscated: Bool) {
        let phones = features(text).phones
        #expect(phones.map(\.digits) == [digits])
        #expect(phones.first?.obfuscated == obfuscated)
    }

    @Test(arguments: [
        "$150 half hour, 200 roses, 5'4 120 lbs, 34-24-36, 10:30pm 12/25/2024 420 friendly",
        "Post ID: 7025550147", "post id 1234567890", "order no 8005550199", "ISBN 0306406152",
        "call 123-456-7890", "dial 911-555-0100", "measurements 36 24 36 height 5 4 weight 120",
        "someone to go for a walk, one of a kind, two or three friends", "$200 $300 $400 $500",
        "posted: 2024-03-12 15:05", "open 12/25/2024 420 friendly", "updated 03/12/2024 10:30",
    ])
    func notPhones(text: String) {
        #expect(features(text).phones.isEmpty, "\(features(text).phones)")
    }

    @Test(arguments: [
        ("call +30 698 022 9363", "306980229363"), ("whatsapp 0030 6980229363", "306980229363"),
        ("tel: 07528042995", "07528042995"),
    ])
    func internationalPhones(text: String, digits: String) {
        #expect(features(text).phones.map(\.digits) == [digits])
    }

    /// A `0` group inside a dashed number is not a `00` dial-out prefix (a fuzzer found `555-005-002) 555-0147` read
    /// as the 11-digit "international" 50025550147).
    @Test func zeroGroupInsideANumberIsNotInternational() {
        let phones = features("(711 555-005-002) 555-0147").phones.map(\.digits)
        #expect(!phones.contains { $0.count > 10 }, "\(phones)")
        #expect(features("code 555-005-002").phones.isEmpty)
    }

    @Test func twoPhonesInOneRun() {
        #expect(features("702-555-0147 213-555-0112").phones.map(\.digits) == ["7025550147", "2135550112"])
    }

    @Test func phoneRangePointsAtTheOriginalText() {
        let text = "text me: seven zero two 555 0147!"
        let phone = try! #require(features(text).phones.first)
        #expect(String(decoding: Array(text.utf8)[phone.range], as: UTF8.self) == "seven zero two 555 0147")
    }

    @Test func emails() {
        let e = features("Write to jane.doe@example.com or candy at example dot com or rose(at)example(dot)org").entities
        #expect(e.emails == ["jane.doe@example.com", "candy@example.com", "rose@example.org"])
        #expect(features("meet me at the hotel, dot your i's").entities.emails.isEmpty)
    }

    @Test(arguments: [
        ("Sweet girl - 21", [21]), ("I'm 19 years old", [19]), ("age: 22", [22]), ("Age 24", [24]),
        ("n1neteen yrs old", [19]), ("sevent33n yo", [17]), ("tengo 16 años", [16]), ("22yo", [22]),
        ("twenty-one years old", [21]), ("I am only 16", [16]),
    ])
    func ages(text: String, expected: [Int]) {
        #expect(features(text).entities.ages == expected)
    }

    @Test(arguments: [
        "All models are 18+", "must be 18 to apply", "18 and over only", "you must be at least 18", "Minimum age 18",
        "lost dog, 7 years old", "I am 5'4 and 120 lbs", "I'm 18+ only", "18 or older",
    ])
    func notAges(text: String) {
        #expect(features(text).entities.ages.isEmpty, "\(features(text).entities.ages)")
    }

    @Test func titleSuffixAgeComesFromTheTitle() {
        #expect(features("Call me anytime", title: "Sweet new girl - 19 | Site").entities.ages == [19])
    }

    @Test func underageAgeIsItsOwnFamily() {
        let f = features("New girl, sixteen years old")
        #expect(f.entities.ages == [16])
        #expect(f.families.contains(.underageAge))
        #expect(f.vector["age.under_18"] == 1)
    }

    @Test func prices() {
        #expect(features("$150 hh, 250 roses full hour, hr 300, $1,450/mo").entities.prices == [150, 250, 300, 1450])
    }
}
