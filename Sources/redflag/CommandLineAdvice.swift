import RedFlagFeatures
import RedFlagIngest
import RedFlagQueue

/// What `redflag` adds to a library's error message: the flag that changes the setting at fault.
///
/// The libraries say which setting would let a record through (``IngestError/Remedy``) and where advice fits in
/// their sentence, without naming flags a server or another program would not have; these are the words of this
/// command line, as its messages have always read.
enum CommandLineAdvice {
    @Sendable static func words(for remedy: IngestError.Remedy) -> String? {
        switch (remedy.setting, remedy.form) {
        case (.maximumAdBytes, .parenthetical): " (raise it with --max-bytes)"
        case (.maximumAdBytes, .clause): "; raise it with --max-bytes"
        case (.recordTimeLimit, .parenthetical): " (raise it with --time-limit)"
        case (.recordTimeLimit, .clause): "; raise it with --time-limit"
        case (.inputFormat, .parenthetical): " (or pass --input-format)"
        case (.inputFormat, .clause): ", or pass --input-format"
        case (.contentFields, .parenthetical): " (choose others with --html-field/--text-field)"
        case (.contentFields, .clause): "; choose one with --html-field or --text-field"
        }
    }

    /// A queue that cannot be opened because the file is something else: the flag that names the file.
    static func queueError(_ error: QueueError) -> QueueError {
        guard error.code == .notADatabase || error.code == .foreignDatabase else { return error }
        var advised = error
        advised.message += " Point --db at a queue file or a new path."
        return advised
    }
}

extension IngestError {
    /// The message as `redflag` prints it, with the flag to change named (``CommandLineAdvice``).
    var commandLineMessage: String { message(advising: CommandLineAdvice.words) }
}

/// The sentence `redflag` prints for an error a library threw while reading data: an input's message with its
/// advice, a lexicon's message, or the error's own description.
func commandLineMessage(_ error: any Error) -> String {
    switch error {
    case let error as IngestError: error.commandLineMessage
    case let error as LexiconError: error.message
    default: String(describing: error)
    }
}
