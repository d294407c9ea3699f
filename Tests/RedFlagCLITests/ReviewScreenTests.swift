import Foundation
import RedFlagQueue
import RedFlagTestSupport
import Testing

/// Item 8: `redflag review` on a standard 80×24 terminal keeps the header, the evidence summary, a scrolling pager
/// with the ad text, and the keys on screen.
@Suite(
    "review fits an 80×24 terminal",
    .enabled(if: binaryAvailable && TmuxSession.available, "needs the redflag binary and tmux"))
struct ReviewScreenTests {
    @Test("header on the first line, summary, a pager that scrolls, keys on the last line; nothing wider than 80")
    func fits() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("review.sqlite")
        let body = (1...60).map { "Line \($0) of the ad, with enough words to read like one 🌹." }.joined(separator: "\n")
        let text = "Sweet young girl, just turned 18, new in town.\n" + body
        let line =
            #"{"id":"ad-77","url":"https://nightlist.example.com/lv/77","score":0.93,"category":"escort","#
            + #""families":["youth"],"evidence":[{"family":"youth","feature":"just_turned_18","match":"just turned 18","start":18,"end":32}],"#
            + #""entities":{"phones":["7025550147"],"phone_obfuscated":true,"emails":[],"ages":[18],"prices":[200]},"#
            + #""location":"Las Vegas, NV","text":"\#(text.replacingOccurrences(of: "\n", with: "\\n"))"}"# + "\n"
        let seeded = try runRedFlag(["queue", "import", "-", "--db", db], in: folder, stdin: line)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let tmux = try TmuxSession(
            "env -u NO_COLOR TERM=xterm-256color \(redflagBinary!) review --db \(db) --reviewer ana; echo EXITED $?; sleep 30",
            columns: 80, rows: 24, in: folder)
        defer { tmux.kill() }
        let (first, rows) = tmux.rows(until: "[c]onfirm")
        #expect(rows.count >= 24)
        #expect(rows[0].hasPrefix("item 1  score 0.930  escort"), "\(first)")
        #expect(rows[1].hasPrefix("families: youth"))
        #expect(rows.contains { $0.contains("phones 7025550147 (disguised)") })
        #expect(rows.contains { $0.contains("where Las Vegas, NV") })
        #expect(rows[23].hasPrefix("[c]onfirm [d]ismiss [e]scalate [s]kip [n]ote [q]uit"))
        #expect(first.contains("Sweet young girl, just turned 18"))
        #expect(!first.contains("Line 60 of the ad"))
        #expect(rows.contains { $0.contains("ad text, lines 1–") })
        for row in rows { #expect(row.count <= 80, "wider than 80: \(row)") }
        // Colour on the terminal, no markers.
        let coloured = tmux.capture(escapes: true)
        #expect(coloured.contains("\u{1B}[") && !coloured.contains("[youth: "))

        // Scroll to the end: the header and keys stay, the text moves.
        tmux.send("G")
        let (end, endRows) = tmux.rows(until: "Line 60 of the ad")
        #expect(endRows[0].hasPrefix("item 1  score 0.930"), "\(end)")
        #expect(endRows[23].hasPrefix("[c]onfirm"))
        #expect(!end.contains("Sweet young girl"))
        tmux.send("g")
        _ = tmux.screen(until: "Sweet young girl")
        tmux.send("Space")
        var paged = ""
        for _ in 0..<(600 * testTimeScale) {
            paged = tmux.capture()
            if !paged.contains("Sweet young girl") { break }
            usleep(100_000)
        }
        #expect(!paged.contains("Sweet young girl"), "space pages down: \(paged)")
        #expect(paged.hasPrefix("item 1  score 0.930"))

        // A decision asks on the last line, then the session ends on the normal screen. The up arrow, "k" and "c"
        // go in one write, as a quick reviewer types them: keys typed ahead are read, none is flushed away.
        tmux.send("Up", "kc")
        let (asking, askingRows) = tmux.rows(until: "severity 1-5")
        #expect(askingRows[0].hasPrefix("item 1"), "the prompt scrolled the header away: \(asking)")
        #expect(askingRows[23].hasPrefix("confirmed: severity 1-5 [3]:"))
        // The severity and the note typed ahead together: the note line is not lost behind the first.
        tmux.send("4", "Enter", "same phone as case 7", "Enter")
        // Confirming shows where to report it, in the screen's width, until a key is pressed.
        let (referral, referralRows) = tmux.rows(until: "press any key")
        #expect(referralRows[0].hasPrefix("item 1: confirmed, severity 4"), "\(referral)")
        #expect(referral.contains("REPORT: report this ad to:") && !referral.contains("NCMEC"))
        #expect(referralRows[23].hasPrefix("press any key for the next item"))
        for row in referralRows { #expect(row.count <= 80, "wider than 80: \(row)") }
        tmux.send("Space")
        let done = tmux.screen(until: "EXITED")
        #expect(done.contains("EXITED 0") && done.contains("reviewed 1: confirmed 1"), "\(done)")
        let item = try #require(try await SQLiteReviewQueue(path: db).item(id: 1))
        #expect(item.decision?.verdict == .confirmed && item.decision?.severity == 4)
        #expect(item.decision?.note == "same phone as case 7")
    }
}
