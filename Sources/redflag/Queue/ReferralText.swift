import ArgumentParser
import Foundation
import RedFlagQueue

/// `--referral PATH`: the contacts shown when an item is escalated or confirmed.
struct ReferralOptions: ParsableArguments {
    @Option(
        name: .customLong("referral"),
        help: "Referral contacts file (default: $REDFLAG_REFERRAL, else Models/referral.yaml).")
    var path: String?

    /// The file's path: the option, else the default search.
    /// `--referral`, else `$REDFLAG_REFERRAL`, else `referral.yaml` where the models are (``CommandLineConfiguration``).
    var resolvedPath: String { path ?? CommandLineConfiguration.referralPath }

    /// Reads the contacts; a missing or malformed file is refused before anything is decided, so no escalation goes
    /// unreferred.
    func load() throws -> ReferralDirectory {
        try ReferralDirectory.load(path: resolvedPath)
    }
}

/// A referral as lines for a person: who to report to and how, then the team's local contacts or a note that there
/// are none.
enum ReferralText {
    /// `source` names the file to add local contacts to, when known. `recorded` is for a decision shown later
    /// (`queue show`): the lines then say what the reviewer was shown, not what to do now.
    static func lines(_ referral: Referral, source: String?, recorded: Bool = false) -> [String] {
        let who = referral.minor ? "evidence points to a person under 18; " : ""
        var lines = [
            recorded
                ? "REFERRAL shown with the decision (\(who)report to):"
                : referral.minor ? "REPORT: \(who)report it to:" : "REPORT: report this ad to:"
        ]
        for contact in referral.contacts {
            var means: [String] = []
            if let web = contact.web { means.append(web) }
            if let phone = contact.phone { means.append("call \(phone)") }
            if let text = contact.text { means.append("text \(text)") }
            if let email = contact.email { means.append(email) }
            var line = "  \(clean(contact.name)): " + means.map(clean).joined(separator: ", ")
            if contact.audience == .minors { line += " (for suspected minors)" }
            if let note = contact.note { line += " — \(clean(note))" }
            lines.append(line)
        }
        if referral.localContactCount == 0 {
            lines.append(
                "  local contacts: none configured (add your team's own under `local:` in "
                    + (source ?? "the referral file, Models/referral.yaml by default") + ")")
        }
        return lines
    }
}
