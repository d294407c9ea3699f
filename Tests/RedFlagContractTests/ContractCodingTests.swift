import Foundation
import RedFlagContract
import Testing

/// The contract types read and write the scan output's JSON shape (DESIGN.md), so a server can reply with them and
/// a client can read `redflag scan` lines into them.
@Suite("Contract coding")
struct ContractCodingTests {
    /// A scan line as `redflag scan --format jsonl` writes it.
    static let line = #"""
        {"id":"Samples/pages/a.html","url":null,"sha256":"ab","captured_at":null,"score":0.93,"flagged":true,"category":"escort","families":["obfuscated_phone","youth"],"indicators":[{"family":"youth","feature":"young","match":"Young","start":6,"end":11}],"contributions":[{"feature":"rule.stated_minor","family":"underage_age","weight":0,"reason":"stated age 16: a minor"},{"feature":"family.youth","family":"youth","weight":1.7}],"entities":{"phones":["7025550147"],"phone_obfuscated":true,"emails":["a@example.com"],"ages":[16],"prices":[200,300]},"warnings":[{"code":"repaired_encoding","message":"a.html: invalid UTF-8 bytes were replaced with U+FFFD"}],"error":null}
        """#

    @Test("a scan line decodes into AdAssessment with every field")
    func decodesScanLine() throws {
        let ad = try JSONDecoder().decode(AdAssessment.self, from: Data(Self.line.utf8))
        #expect(ad.id == "Samples/pages/a.html" && ad.url == nil && ad.sha256 == "ab")
        #expect(ad.assessment?.score == 0.93 && ad.assessment?.flagged == true && ad.assessment?.category == "escort")
        #expect(ad.families == [.obfuscatedPhone, .youth])
        #expect(
            ad.indicators == [IndicatorHit(family: .youth, entry: "young", match: "Young", start: 6, end: 11)])
        #expect(ad.indicators?.first?.feature == "youth.young")
        #expect(ad.assessment?.contributions.first?.reason == "stated age 16: a minor")
        #expect(ad.assessment?.contributions.last == Contribution(feature: "family.youth", family: "youth", weight: 1.7))
        #expect(
            ad.entities
                == Entities(
                    phones: ["7025550147"], phoneObfuscated: true, emails: ["a@example.com"], ages: [16],
                    prices: [200, 300]))
        #expect(ad.entities?.underage == true)
        #expect(ad.warnings.map(\.code) == ["repaired_encoding"])
        #expect(ad.error == nil)
    }

    @Test("an error line decodes with its code and no assessment")
    func decodesErrorLine() throws {
        let line = #"{"id":"d.jsonl#2","url":null,"sha256":null,"captured_at":null,"error":{"code":"bad_json","message":"d.jsonl:2: not valid JSON"}}"#
        let ad = try JSONDecoder().decode(AdAssessment.self, from: Data(line.utf8))
        #expect(ad.assessment == nil && ad.families == nil && ad.entities == nil)
        #expect(ad.error == AdAssessment.Problem(code: "bad_json", message: "d.jsonl:2: not valid JSON"))
    }

    @Test("encoding and decoding again gives the same values")
    func roundTrips() throws {
        let ad = try JSONDecoder().decode(AdAssessment.self, from: Data(Self.line.utf8))
        let again = try JSONDecoder().decode(AdAssessment.self, from: JSONEncoder().encode(ad))
        #expect(again.id == ad.id && again.indicators == ad.indicators && again.entities == ad.entities)
        #expect(again.assessment?.contributions == ad.assessment?.contributions)
        let vector = FeatureVector(["family.youth": 1, "length.lt200": 1, "text.lookalike_ratio": 0.25])
        #expect(try JSONDecoder().decode(FeatureVector.self, from: JSONEncoder().encode(vector)) == vector)
        let example = LabeledExample(id: "q:1", vector: vector, suspicious: true, category: "escort", youngestAge: 19)
        #expect(try JSONDecoder().decode(LabeledExample.self, from: JSONEncoder().encode(example)) == example)
    }

    @Test("entities and hits use the scan output's key names")
    func keyNames() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let entities = String(decoding: try encoder.encode(Entities(phones: ["7025550147"], prices: [150])), as: UTF8.self)
        #expect(entities == #"{"ages":[],"emails":[],"phone_obfuscated":false,"phones":["7025550147"],"prices":[150]}"#)
        let hit = IndicatorHit(family: .thirdParty, entry: "ask_for", match: "ask for", start: 0, end: 7)
        #expect(
            String(decoding: try encoder.encode(hit), as: UTF8.self)
                == #"{"end":7,"family":"third_party","feature":"ask_for","match":"ask for","start":0}"#)
    }
}
