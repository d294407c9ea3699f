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

    /// A queue that cannot be opened because the file is something else, or a PostgreSQL database that does not exist:
    /// the flag that names it.
    static func queueError(_ error: QueueError) -> QueueError {
        var advised = error
        if error.code == .notADatabase || error.code == .foreignDatabase {
            advised.message += " Point --db at a queue file or a new path."
        } else if let failure = error.storeFailure, failure.store == "postgresql", failure.code == "3D000" {
            // The server has no database of that name.
            advised.message += " or point --db at another"
        }
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
