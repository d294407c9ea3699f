import Foundation
import RedFlagContract

/// Masks contact details in what an export writes when asked to (`queue export --redact`): a case file that goes
/// to a partner, a researcher or a court exhibit often must not carry a person's phone number or e-mail.
///
/// Masking keeps every string's length in Unicode scalars (digits become `#`, an e-mail's letters `*`), so the
/// evidence offsets into the ad text still point at the right words. What is masked:
/// - in the ad text, notes, decision notes, evidence matches and the URL: every run of 7 or more digits, allowing
///   the separators phone numbers are written with; every e-mail address; and every span the detector marked as a
///   disguised phone (`obfuscated_phone` evidence: spelled-out or emoji digits);
/// - the entities' phones and e-mails, entirely.
///
/// The raw page copies are left out of a redacted export: contact details hide in markup and attributes in too
/// many ways to mask reliably. A phone spelled out in a way the detector did not catch stays in the text; the
/// README says so.
public enum Redaction {
    /// The item with its contact details masked.
    public static func redacted(_ item: QueueItem) -> QueueItem {
        var item = item
        var spans: [Range<Int>] = []
        for evidence in item.evidence where evidence.family == .obfuscatedPhone {
            spans.append(evidence.start..<evidence.end)
        }
        item.text = mask(item.text, alsoMasking: spans)
        item.evidence = item.evidence.map { evidence in
            var evidence = evidence
            evidence.match =
                evidence.family == .obfuscatedPhone
                ? mask(evidence.match, alsoMasking: [0..<evidence.match.unicodeScalars.count])
                : mask(evidence.match)
            return evidence
        }
        item.url = item.url.map { mask($0) }
        item.entities.phones = item.entities.phones.map { String(repeating: "#", count: $0.count) }
        item.entities.emails = item.entities.emails.map(maskEmail)
        if var decision = item.decision {
            decision.note = decision.note.map { mask($0) }
            item.decision = decision
        }
        return item
    }

    /// `text` with phone-like digit runs and e-mail addresses masked, and the given scalar ranges masked too.
    public static func mask(_ text: String, alsoMasking spans: [Range<Int>] = []) -> String {
        var scalars = Array(text.unicodeScalars)
        for span in spans {
            for i in max(0, span.lowerBound)..<min(scalars.count, span.upperBound)
            where scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil {
                scalars[i] = "#"
            }
        }
        maskDigitRuns(&scalars)
        maskEmails(&scalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Digits in runs of at least 7, where a run may continue across spaces, dots, dashes, slashes and brackets.
    private static func maskDigitRuns(_ scalars: inout [Unicode.Scalar]) {
        var i = 0
        while i < scalars.count {
            guard scalars[i].properties.numericType == .decimal else {
                i += 1
                continue
            }
            var j = i
            var digits: [Int] = []
            while j < scalars.count {
                let s = scalars[j]
                if s.properties.numericType == .decimal {
                    digits.append(j)
                } else if !" .-/()+_".unicodeScalars.contains(s) {
                    break
                }
                j += 1
            }
            if digits.count >= 7 { for d in digits { scalars[d] = "#" } }
            i = j + 1
        }
    }

    /// Every `local@domain.tld` address, its letters and digits masked, `@` and dots kept.
    private static func maskEmails(_ scalars: inout [Unicode.Scalar]) {
        func isAddressScalar(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s.properties.numericType != nil || "._%+-".unicodeScalars.contains(s)
        }
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "@" else {
                i += 1
                continue
            }
            var start = i
            while start > 0 && isAddressScalar(scalars[start - 1]) { start -= 1 }
            var end = i + 1
            while end < scalars.count && isAddressScalar(scalars[end]) { end += 1 }
            let domain = scalars[(i + 1)..<end]
            if start < i, domain.contains(".") {
                for k in start..<end where scalars[k] != "@" && scalars[k] != "." { scalars[k] = "*" }
            }
            i = end
        }
    }

    private static func maskEmail(_ email: String) -> String {
        String(email.map { $0 == "@" || $0 == "." ? $0 : "*" })
    }
}
