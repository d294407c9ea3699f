import Foundation
import Testing
@testable import RedFlagIngest

@Suite("Character sets")
struct CharsetTests {
    let cafe = "café – “quoted” €5"

    func windows1252(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0x2013: 0x96
            case 0x201C: 0x93
            case 0x201D: 0x94
            case 0x20AC: 0x80
            case 0x2019: 0x92
            default: UInt8(scalar.value)
            }
        }
    }

    @Test("every Windows-1252 byte decodes to its one scalar: ASCII, the 0x80–0x9F table, and Latin-1 above")
    func windows1252EveryByte() {
        let all = (0...255).map(UInt8.init)
        let decoded = all.withUnsafeBufferPointer { Charset.windows1252.decode($0) }
        let scalars = Array(decoded?.0.unicodeScalars.map(\.value) ?? [])
        #expect(decoded?.repaired == false)
        #expect(scalars.count == 256)
        #expect(Array(scalars[0..<128]) == (0..<128).map(UInt32.init))
        #expect(Array(scalars[160...]) == (160...255).map(UInt32.init))
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D,
            0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A,
            0x153, 0x9D, 0x17E, 0x178,
        ]
        #expect(Array(scalars[128..<160]) == high)
        #expect(decoded?.0 == String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))))
    }

    @Test("UTF-16 decodes as String(decoding:as: UTF16.self) does: pairs joined, lone surrogates and an odd byte repaired")
    func utf16LikeTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        // Units drawn to hit ASCII, two- and three-byte scalars, U+FFFD, and surrogates paired and alone.
        let pools: [ClosedRange<UInt16>] = [0x20...0x7E, 0x80...0x7FF, 0x800...0xD7FF, 0xD800...0xDBFF, 0xDC00...0xDFFF, 0xE000...0xFFFF, 0xFFFD...0xFFFD]
        for round in 0..<2_000 {
            var units: [UInt16] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let pool = pools.randomElement(using: &generator)!
                units.append(UInt16.random(in: pool, using: &generator))
                if pool == 0xD800...0xDBFF && Bool.random(using: &generator) {
                    units.append(UInt16.random(in: 0xDC00...0xDFFF, using: &generator))
                }
            }
            let expected = String(decoding: units, as: UTF16.self)
            let odd = round % 7 == 0
            for little in [true, false] {
                var bytes = units.flatMap { little ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
                if odd { bytes.append(0x41) }
                let (decoded, repaired) = bytes.withUnsafeBufferPointer { Charset.decodeUTF16($0, littleEndian: little) }
                #expect(decoded == expected, "units \(units)")
                #expect(repaired == (odd || expected.unicodeScalars.contains("\u{FFFD}")), "units \(units)")
            }
        }
    }

    @Test func metaCharsetWindows1252() throws {
        let bytes = windows1252("<html><head><meta charset=\"windows-1252\"></head><body><p>\(cafe)</p></body></html>")
        let document = try HTMLExtractor().extract(htmlBytes: bytes)
        #expect(document.text == cafe)
        #expect(document.encoding == "windows-1252")
    }

    @Test func httpEquivISO88591IsReadAsWindows1252() throws {
        let bytes = windows1252(
            "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\"></head><body>\(cafe)</body></html>")
        let document = try HTMLExtractor().extract(htmlBytes: bytes)
        #expect(document.text == cafe)
    }

    @Test func utf8ByteOrderMark() throws {
        let document = try HTMLExtractor().extract(htmlBytes: [0xEF, 0xBB, 0xBF] + Array("<p>\(cafe)</p>".utf8))
        #expect(document.text == cafe)
    }

    @Test(arguments: [true, false])
    func utf16LittleEndian(withBOM: Bool) throws {
        let html = "<html><body><p>\(cafe) 🍒</p></body></html>"
        var bytes: [UInt8] = withBOM ? [0xFF, 0xFE] : []
        for unit in html.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = try HTMLExtractor().extract(htmlBytes: bytes)
        #expect(document.text == cafe + " 🍒")
        #expect(document.encoding == "utf-16le")
    }

    @Test func utf16BigEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "<p>\(cafe)</p>".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try HTMLExtractor().extract(htmlBytes: bytes).text == cafe)
    }

    @Test func transportCharsetWinsOverMeta() throws {
        let bytes = windows1252("<meta charset=utf-8><p>\(cafe)</p>")
        let document = try HTMLExtractor().extract(htmlBytes: bytes, transportCharset: "windows-1252")
        #expect(document.text == cafe)
    }

    /// A JSON or CSV string is already Unicode: a stale `<meta charset>` inside must not re-decode it.
    @Test func staleMetaInsideAUnicodeStringIsIgnored() throws {
        let html = "<html><head><meta charset=\"windows-1252\"></head><body><p>\(cafe) Bogotá ☕</p></body></html>"
        #expect(try HTMLExtractor().extract(html: html).text == "\(cafe) Bogotá ☕")
    }

    @Test func metaClaimingUTF16OnAnASCIIPageMeansUTF8() throws {
        let document = try HTMLExtractor().extract(htmlBytes: Array("<meta charset=utf-16><p>\(cafe)</p>".utf8))
        #expect(document.text == cafe)
    }

    @Test func invalidUTF8IsRepairedNotFatal() throws {
        let bytes = Array("<p>good ".utf8) + [0xFF, 0xFE, 0xC3] + Array(" café after</p>".utf8)
        let document = try HTMLExtractor().extract(htmlBytes: bytes)
        #expect(document.text.hasPrefix("good "))
        #expect(document.text.hasSuffix(" café after"))
        #expect(document.text.contains("\u{FFFD}"))
        #expect(document.repairedEncoding)
    }

    @Test func undeclaredLatin1FallsBackToWindows1252() throws {
        let document = try HTMLExtractor().extract(htmlBytes: windows1252("<p>\(cafe) fiancée</p>"))
        #expect(document.text == "\(cafe) fiancée")
        #expect(document.encoding == "windows-1252")
    }

    @Test func otherCharsetsGoThroughIconv() throws {
        // "Привет" in KOI8-R.
        let bytes = Array("<meta charset=koi8-r><p>".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] + Array("</p>".utf8)
        #expect(try HTMLExtractor().extract(htmlBytes: bytes).text == "Привет")
    }

    @Test func unknownCharsetLabelFallsBack() throws {
        let bytes = windows1252("<meta charset=x-no-such-charset><p>\(cafe)</p>")
        #expect(try HTMLExtractor().extract(htmlBytes: bytes).text == cafe)
    }

    @Test func binaryGarbageDoesNotCrash() throws {
        var generator = SplitMix(seed: 7)
        for _ in 0..<50 {
            let bytes = (0..<Int(generator.next() % 4000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let document = try HTMLExtractor().extract(htmlBytes: bytes)
            #expect(document.text.utf8.count <= bytes.count * 3)
        }
    }
}

/// A small seeded generator so fuzz-style tests are reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
