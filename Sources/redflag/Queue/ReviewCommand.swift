import ArgumentParser
import Foundation
import RedFlagQueue

/// `redflag review`: the interactive review loop.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the queue from the terminal, one key per decision.",
        discussion: """
            Claims the next item and shows the ad with its evidence highlighted by family, its entities, the ads \
            linked to it by phone or e-mail, its score and top contributions. Items whose evidence points to a \
            person under 18 come first and are marked MINOR. Keys: c confirm, d dismiss, e escalate (each asks a \
            severity 1-5, default 3, and an optional note; confirming or escalating shows where to report the item, \
            from --referral, and records that referral with the decision), s skip (release it and move on), n add \
            a note, q quit (releases the claim), ? help. On a terminal the item fills the screen (80×24 and up): a \
            header line, the evidence summary, the ad text in a pager (j/k or arrows: a line; space/b or page keys: \
            a page) and the keys on the last line; keys act at once (raw mode). In a pipe the item is printed whole \
            and each key is a line, so a script can drive it. Colour only on a terminal, never with NO_COLOR or \
            TERM=dumb.
            """
    )

    @OptionGroup var database: QueueDatabaseOptions

    @Option(help: "Who is reviewing.")
    var reviewer: String

    @Option(help: "Lease in seconds for each claimed item.")
    var lease: Double = 900

    @OptionGroup var referral: ReferralOptions

    @Flag(help: "Never use colour.")
    var noColor = false

    func validate() throws {
        guard lease > 0, lease <= 7 * 24 * 3600 else { throw ValidationError("--lease must be 1 s to 7 days") }
    }

    func run() async throws {
        try await withQueueErrors {
            let queue = try await database.open()
            // Read before the first claim: a reviewer who escalates must be shown where to report.
            let referrals = try referral.load()
            let input = KeyboardInput()
            let renderer = QueueRenderer(colour: colourWanted(noColor: noColor))
            let fullScreen =
                input.isTerminal && isatty(1) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
            let session = ReviewSession(
                queue: queue, reviewer: reviewer, lease: .milliseconds(Int64(lease * 1000)), renderer: renderer,
                input: input, referrals: referrals, referralSource: referral.resolvedPath,
                screen: fullScreen ? ReviewScreen(renderer: renderer) : nil)
            try await session.run()
        }
    }
}

/// One reviewer's sitting: claim, show, act, repeat.
final class ReviewSession {
    let queue: any ReviewQueue
    let reviewer: String
    let lease: Duration
    let renderer: QueueRenderer
    let input: KeyboardInput
    /// Where to report confirmed and escalated items.
    let referrals: ReferralDirectory
    /// The referral file's path, named where local contacts are missing.
    let referralSource: String
    /// The full-screen view on a terminal; nil in a pipe, where each item is printed whole.
    private var screen: ReviewScreen?
    private var skipped: Set<Int64> = []
    private var tally: [Verdict: Int] = [:]
    /// Referrals shown on the full screen, printed again after it closes so they stay in the scrollback.
    private var referred: [String] = []

    init(
        queue: any ReviewQueue, reviewer: String, lease: Duration, renderer: QueueRenderer, input: KeyboardInput,
        referrals: ReferralDirectory, referralSource: String, screen: ReviewScreen? = nil
    ) {
        self.queue = queue
        self.reviewer = reviewer
        self.lease = lease
        self.renderer = renderer
        self.input = input
        self.referrals = referrals
        self.referralSource = referralSource
        self.screen = screen
        input.echoesNewline = screen == nil
    }

    static let help = "[c]onfirm  [d]ismiss  [e]scalate  [s]kip  [n]ote  [q]uit  [?] help"

    func run() async throws {
        defer {
            closeScreen()
            input.restore()
        }
        sessionLoop: while true {
            guard let item = try await queue.claimNext(reviewer: reviewer, lease: lease, excluding: skipped) else {
                closeScreen()
                say(skipped.isEmpty ? "Nothing left to review." : "Nothing left to review (skipped \(skipped.count)).")
                break
            }
            await show(item)
            itemLoop: while true {
                guard let key = input.key(prompt: screen == nil ? renderer.bold(Self.help) + " > " : "") else {
                    await releaseQuietly(item)
                    break sessionLoop
                }
                if let screen, screen.scroll(key) { continue itemLoop }
                if key == "\u{1B}" { continue itemLoop }
                switch key.lowercased() {
                case "c": if try await decide(item, .confirmed) { break itemLoop }
                case "d": if try await decide(item, .dismissed) { break itemLoop }
                case "e": if try await decide(item, .escalated) { break itemLoop }
                case "s":
                    await releaseQuietly(item)
                    skipped.insert(item.id)
                    say("skipped item \(item.id)")
                    break itemLoop
                case "n":
                    guard let text = ask("note: "), !text.trimmingCharacters(in: .whitespaces).isEmpty
                    else {
                        say("no note added")
                        continue itemLoop
                    }
                    do {
                        let note = try await queue.addNote(id: item.id, author: reviewer, text: text)
                        say("note \(note.id) added")
                    } catch let error as QueueError {
                        say("note not added: \(error.message)")
                    }
                case "q":
                    await releaseQuietly(item)
                    break sessionLoop
                case "?", "h":
                    say(
                        "c confirm, d dismiss, e escalate: record a decision (severity 1-5, default 3; note optional)\n"
                            + "s skip: release this item and move on; n: add a note; q: quit and release")
                case " ":
                    continue itemLoop
                default:
                    say("unknown key \"\(clean(String(key)))\"; ? for help")
                }
            }
        }
        closeScreen()
        if !referred.isEmpty {
            say("referrals shown this session:\n" + referred.joined(separator: "\n"))
        }
        let reviewed = tally.values.reduce(0, +)
        say(
            "reviewed \(reviewed): confirmed \(tally[.confirmed] ?? 0), dismissed \(tally[.dismissed] ?? 0), "
                + "escalated \(tally[.escalated] ?? 0); skipped \(skipped.count)")
    }

    private func show(_ item: QueueItem) async {
        let linked = (try? await queue.linkedItems(of: item.id)) ?? []
        let sameTemplate = (try? await queue.templateMembers(of: item.id)) ?? []
        if let screen {
            screen.show(item, linked: linked, sameTemplate: sameTemplate)
            return
        }
        let notes = (try? await queue.notes(of: item.id)) ?? []
        let decisions = (try? await queue.decisions(of: item.id)) ?? []
        let postings = (try? await queue.postings(of: item.id)) ?? []
        let texts = ([item] + sameTemplate).filter { $0.purgedAt == nil }.map(\.text)
        var screen =
            "\n"
            + renderer.render(
                item, linked: linked, notes: notes, decisions: decisions, sameTemplate: sameTemplate,
                template: sameTemplate.isEmpty || texts.count < 2 ? nil : TemplateText(texts: texts), postings: postings)
        if let claim = item.claim {
            screen += renderer.dim("claimed until \(RFC3339.string(from: claim.leaseExpiresAt))") + "\n"
        }
        FileHandle.standardOutput.write(Data(screen.utf8))
    }

    /// Asks severity and note, then decides. Returns true when the item is done with (decided or lost).
    private func decide(_ item: QueueItem, _ verdict: Verdict) async throws -> Bool {
        var severity = 3
        while true {
            guard let answer = ask("\(verdict.rawValue): severity 1-5 [3]: ") else { return false }
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { break }
            if let value = Int(trimmed), (1...5).contains(value) {
                severity = value
                break
            }
            say("severity is a number from 1 to 5")
        }
        let note = ask("note (optional): ") ?? ""
        do {
            let outcome = try await queue.decide(
                id: item.id, verdict: verdict, severity: severity, note: note, reviewer: reviewer,
                claimToken: item.claim?.token, referrals: referrals)
            tally[verdict, default: 0] += 1
            var done = "item \(item.id): \(verdict.rawValue), severity \(severity)"
            if case .alreadyRecorded = outcome { done = "item \(item.id): already recorded" }
            if let referral = outcome.decision.referral {
                showReferral(referral, item: item, done: done, auditSequence: outcome.decision.auditSequence)
            } else {
                say(done)
            }
            return true
        } catch let error as QueueError where error.code == .claimNotHeld || error.code == .alreadyDecided {
            say("not recorded: \(error.message). Moving on.")
            return true
        }
    }

    /// Shows where to report a decided item. On the full screen it takes the pager's place until a key is pressed,
    /// so the next item cannot hide it; in a pipe it is printed.
    private func showReferral(_ referral: Referral, item: QueueItem, done: String, auditSequence: Int64) {
        let lines =
            ReferralText.lines(referral, source: referralSource)
            + ["  (recorded with the decision in audit event \(auditSequence))"]
        guard let screen else {
            say(done + "\n" + lines.joined(separator: "\n"))
            return
        }
        referred.append("item \(item.id):\n" + lines.joined(separator: "\n"))
        screen.showPanel(title: done, lines: lines, minor: referral.minor)
        _ = input.key(prompt: "")
    }

    private func releaseQuietly(_ item: QueueItem) async {
        do {
            try await queue.release(id: item.id, reviewer: reviewer, claimToken: item.claim?.token)
        } catch {
            // The lease ran out and someone else holds it, or it is gone: nothing of ours to release.
        }
    }

    /// A message: on the screen's rule line (one line) when the screen is up, printed otherwise.
    private func say(_ text: String) {
        if let screen {
            screen.message = text.replacingOccurrences(of: "\n", with: "; ")
            screen.draw()
        } else {
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }

    /// A line typed after `prompt`: on the screen's last line when it is up.
    private func ask(_ prompt: String) -> String? {
        guard let screen else { return input.line(prompt: prompt) }
        screen.draw(prompt: prompt)
        let answer = input.line(prompt: "")
        screen.draw()
        return answer
    }

    /// Leaves the full screen for the reviewer's own; later messages are printed.
    private func closeScreen() {
        screen?.close()
        screen = nil
    }
}
