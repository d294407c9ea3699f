import Foundation
import RedFlagTestSupport
import Testing

/// An ad can hold escape sequences meant for the reviewer's terminal (moving the cursor, rewriting the screen,
/// setting the title). Whatever prints ad text for a person strips them: `explain`, `scan --text` and
/// `scan --format table`, as `queue show` already did.
@Suite("No escape sequence from an ad reaches the terminal", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct TerminalSafetyTests {
    /// A page whose title, text, an indicator match and an e-mail carry ESC (and a bell and a C1 CSI).
    static let hostilePage = """
        <html><head><title>Sweet \u{1B}]0;owned\u{07} girl</title></head><body>
        <p>Young \u{1B}[2J\u{1B}[Hfresh girl new in town, 19 years old, available 24/7, just turned 18.</p>
        <p>Call 702-555-0147 or write sakura\u{1B}[31m@example.com \u{9B}6n</p></body></html>
        """

    @Test("explain prints the ad without ESC, BEL or C1 controls, its evidence still marked")
    func explainStripsEscapes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(Self.hostilePage, to: "hostile.html")
        let result = try runRedFlag(["explain", "hostile.html"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(result.stdout.contains("[youth"), "evidence is still marked: \(result.stdout)")
        #expect(result.stdout.contains("[2J"), "the visible rest of the sequence stays, harmless: \(result.stdout)")
    }

    @Test("explain of a JSONL ad whose text field holds ESC prints no ESC")
    func explainJSONLStripsEscapes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(
            #"{"id":"ad\u001b[2J-1","text":"young fresh girl \u001b]0;title\u0007 new in town, available 24/7"}"# + "\n",
            to: "ads.jsonl")
        let result = try runRedFlag(["explain", "ads.jsonl"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(result.stdout.contains("=== ad[2J-1"))
    }

    @Test("scan --text and --format table print no ESC from an ad", arguments: [["--text"], ["--format", "table"]])
    func scanStripsEscapes(_ format: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(Self.hostilePage, to: "hostile\u{1B}[1m.html")
        let result = try runRedFlag(["scan"] + format + ["."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
    }
}
