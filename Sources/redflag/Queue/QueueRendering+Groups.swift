import Foundation
import RedFlagContract
import RedFlagQueue

/// The two ways `queue show` groups an item with others, side by side, and where its content was posted: a
/// contact link says the same person or phone is behind the ads, a shared template that the same text was posted
/// again, whatever number it gave; a reviewer needs both, and neither implies the other.
extension QueueRenderer {
    /// Most members listed per group (the rest are counted).
    static let listedMembers = 20

    /// "linked by contact" and "same template", each with its members, then the template's shared text and slots.
    func groupSections(
        _ item: QueueItem, linked: [LinkedItem], sameTemplate: [QueueItem], template: TemplateText?, now: Date
    ) -> String {
        var out = ""
        if !linked.isEmpty {
            out += "linked by contact (\(Self.ads(linked.count)), group \(item.groupID)):\n"
            for link in linked.prefix(Self.listedMembers) {
                let via = (link.sharedPhones + link.sharedEmails).map(clean).joined(separator: ", ")
                out += memberLine(link.item, now: now) + (via.isEmpty ? "  (via another ad)" : "  via \(via)") + "\n"
            }
            if linked.count > Self.listedMembers { out += "  … and \(linked.count - Self.listedMembers) more\n" }
        }
        if !sameTemplate.isEmpty, let id = item.templateID {
            let confirmed = TemplateCluster(id: id, members: sameTemplate).confirmed
            out +=
                "same template (\(sameTemplate.count) other \(sameTemplate.count == 1 ? "ad" : "ads"), template \(id)"
                + (confirmed > 0 ? ", \(confirmed) confirmed" : "") + "):\n"
            for member in sameTemplate.prefix(Self.listedMembers) {
                let phones = member.entities.phones.map(clean).joined(separator: ", ")
                out += memberLine(member, now: now) + (phones.isEmpty ? "" : "  phone \(phones)") + "\n"
            }
            if sameTemplate.count > Self.listedMembers {
                out += "  … and \(sameTemplate.count - Self.listedMembers) more (`redflag clusters --format json`)\n"
            }
        }
        if let template { out += templateLines(template) }
        return out
    }

    /// "1 ad", "3 ads".
    static func ads(_ count: Int) -> String { count == 1 ? "1 ad" : "\(count) ads" }

    /// `#id score place date verdict`, as each group lists its members.
    func memberLine(_ member: QueueItem, now: Date) -> String {
        "  #\(member.id)  \(score(member.score))  \(clean(member.displayLocation))  \(clean(member.displayDate))  "
            + verdictText(member, now: now)
    }

    /// The text the template's members share, `{n}` where they differ, and each slot's values.
    func templateLines(_ template: TemplateText) -> String {
        var out = "template text (shared by \(template.members) ads; {n} varies):\n"
        out += "  " + clean(String(template.shared.prefix(maximumTextLength))) + "\n"
        for slot in template.slots.prefix(30) {
            let values = slot.values.prefix(8).map { "\"\(clean(String($0.prefix(60))))\"" }.joined(separator: ", ")
            let more = slot.values.count > 8 ? ", … \(slot.values.count - 8) more" : ""
            out += "  {\(slot.number)} \(slot.kind): \(values)\(more)\n"
        }
        return out
    }

    /// The item's postings when there is more than one: how many times and where.
    func postingLines(_ postings: [Posting]) -> String {
        guard postings.count > 1 else { return "" }
        let sites = Set(postings.compactMap(\.source))
        var out = "posted \(postings.count) times" + (sites.isEmpty ? "" : " on \(sites.count) site(s)") + ":\n"
        for posting in postings.prefix(Self.listedMembers) {
            out +=
                "  \(clean(posting.adID))  \(clean(posting.url ?? "-"))  "
                + "\(clean(posting.capturedAt ?? RFC3339.string(from: posting.seenAt)))"
                + (posting.location.map { "  \(clean($0))" } ?? "") + "\n"
        }
        if postings.count > Self.listedMembers { out += "  … and \(postings.count - Self.listedMembers) more\n" }
        return out
    }
}
