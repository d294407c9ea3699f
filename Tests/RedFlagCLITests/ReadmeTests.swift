import Foundation
import RedFlagTestSupport
import Testing

/// Item 15: the README runs as written. Every command line of its ```sh blocks is read; `redflag` commands that only
/// read, or write inside the working folder, run against the built binary in a scratch folder that has the
/// repository's `Samples/` and `Models/` (nothing else), in README order; every option of every `redflag` command,
/// run or not, must appear in that command's `--help`; and no line may name `../shared` or `/tmp`, or pipe into
/// something that is not a program.
@Suite("The README runs as written", .serialized, .enabled(if: binaryAvailable, "needs the redflag binary"))
struct ReadmeTests {
    /// A command line of the README and the block it came from.
    struct Line: CustomStringConvertible {
        var text: String
        var number: Int
        var description: String { "README.md:\(number): \(text)" }
    }

    /// Subcommands that change state a reader would care about (a model file, decisions) or need a claim first:
    /// their options are checked against --help, but they are not run.
    static let notRun: [[String]] = [
        ["train"], ["queue", "decide"], ["queue", "release"], ["queue", "reopen"], ["queue", "note"],
        ["queue", "export"], ["queue", "import"],
    ]

    static func commandLines() throws -> [Line] {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        var lines: [Line] = []
        var inBlock = false
        var pending = ""
        for (index, raw) in readme.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.hasPrefix("```") {
                inBlock = !inBlock && line == "```sh"
                continue
            }
            guard inBlock else { continue }
            let command = stripComment(line).trimmingCharacters(in: .whitespaces)
            if command.isEmpty { continue }
            if command.hasSuffix("\\") {
                pending += String(command.dropLast()) + " "
                continue
            }
            lines.append(Line(text: pending + command, number: index + 1))
            pending = ""
        }
        return lines
    }

    @Test("no ../shared or /tmp paths, and every pipeline stage is a program")
    func portable() throws {
        let lines = try Self.commandLines()
        #expect(lines.count > 20)
        let programs: Set = ["redflag", "gzip", "zcat", "head", "grep", "jq", "sha256sum", "less", "wc", "sort"]
        for line in lines {
            #expect(!line.text.contains("../shared"), "\(line)")
            #expect(!line.text.contains("/tmp"), "\(line)")
            for stage in line.text.components(separatedBy: " | ").dropFirst() {
                let program = stage.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
                #expect(programs.contains(program), "pipes into \"\(program)\", not a program: \(line)")
            }
        }
    }

    @Test("every redflag command's options exist in its --help")
    func optionsExist() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var helps: [String: String] = [:]
        for line in try Self.commandLines() {
            for invocation in Self.redflagInvocations(line.text) {
                let path = Self.subcommand(of: invocation)
                let key = path.joined(separator: " ")
                if helps[key] == nil {
                    let help = try runRedFlag(path + ["--help"], in: folder)
                    #expect(help.status == 0, "\(line): no such command")
                    helps[key] = help.stdout
                }
                for token in invocation where token.hasPrefix("-") && token != "-" {
                    let option = String(token.split(separator: "=").first ?? "")
                    #expect(helps[key]!.contains(option), "\(line): \(option) is not an option of redflag \(key)")
                }
            }
        }
    }

    @Test("the commands that only read or write in the working folder run and exit 0, in README order")
    func commandsRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        for name in ["Samples", "Models"] {
            try FileManager.default.createSymbolicLink(
                atPath: folder.path(name), withDestinationPath: repositoryRoot + "/" + name)
        }
        var ran = 0
        for line in try Self.commandLines() {
            let invocations = Self.redflagInvocations(line.text)
            guard !invocations.isEmpty, line.text.hasPrefix("redflag ") || line.text.contains("| redflag ") else {
                continue
            }
            let destructive = invocations.contains { invocation in
                Self.notRun.contains { Array(Self.subcommand(of: invocation).prefix($0.count)) == $0 }
            }
            if destructive { continue }
            let result = try runShell(line.text + " > out.txt", in: folder)
            #expect(result.status == 0, "\(line) exited \(result.status): \(result.stderr)")
            ran += 1
        }
        #expect(ran >= 15, "only \(ran) README commands ran")
        // The files the README says they write.
        #expect(FileManager.default.fileExists(atPath: folder.path("summary.json")))
        #expect(FileManager.default.fileExists(atPath: folder.path("cases.sqlite")))
        #expect(FileManager.default.fileExists(atPath: folder.path("eval-report/pr-curve.svg")))
    }

    @Test("Quick start's scan of Samples/ exits 0 with one line per ad and a summary")
    func quickStart() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains("swift run -c release redflag scan Samples/"))
        let result = try runRedFlag(["scan", samplesFolder], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count > 20)
        #expect(result.stderr.contains("scanned ") && result.stderr.contains("flagged "))
    }

    // MARK: - Reading command lines

    /// The line without a trailing `# comment` (a `#` after a space, outside quotes).
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && previous == " " {
                return String(line.prefix(offset))
            }
            previous = character
        }
        return line
    }

    /// Shell words, with quotes removed.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The arguments of each `redflag` in a line (a pipeline may hold several).
    static func redflagInvocations(_ text: String) -> [[String]] {
        text.components(separatedBy: " | ").compactMap { stage in
            let stageWords = words(stage.replacingOccurrences(of: " && ", with: " ; "))
            guard let start = stageWords.firstIndex(of: "redflag") else { return nil }
            return Array(stageWords[(start + 1)...].prefix { $0 != ";" && $0 != ">" && !$0.hasPrefix(">") })
        }
    }

    /// `scan`, or `queue list`, or `lexicon check`: the command whose --help lists the options.
    static func subcommand(of arguments: [String]) -> [String] {
        guard let first = arguments.first else { return [] }
        if ["queue", "lexicon"].contains(first), arguments.count > 1, !arguments[1].hasPrefix("-") {
            return [first, arguments[1]]
        }
        return [first]
    }
}
