import Foundation

/// Who a reviewer should report an item to, as shown when the item was escalated or confirmed.
///
/// The referral is chosen inside the decision's transaction from the item's minor marking (``MinorEvidence``), so
/// what the reviewer was shown is exactly what the audit trail and the export bundle record.
public struct Referral: Sendable, Hashable, Codable {
    /// The item's evidence points to a minor: the contacts for suspected minors come first.
    public var minor: Bool
    /// The contacts to show, in order: for a minor those meant for minors first, then the others; the team's local
    /// contacts after the defaults.
    public var contacts: [ReferralContact]
    /// How many of ``contacts`` are the team's own; zero on a fresh install, which the views say.
    public var localContactCount: Int
    /// SHA-256 of the referral file the contacts were read from.
    public var sourceSHA256: String

    public init(minor: Bool, contacts: [ReferralContact], localContactCount: Int, sourceSHA256: String) {
        self.minor = minor
        self.contacts = contacts
        self.localContactCount = localContactCount
        self.sourceSHA256 = sourceSHA256
    }

    enum CodingKeys: String, CodingKey {
        case minor, contacts
        case localContactCount = "local_contacts"
        case sourceSHA256 = "source_sha256"
    }
}

/// One place to report to.
public struct ReferralContact: Sendable, Hashable, Codable {
    /// Which items a contact is for.
    public enum Audience: String, Sendable, Hashable, Codable {
        /// Every escalated or confirmed item.
        case all
        /// Items whose evidence points to a minor.
        case minors
    }

    public var name: String
    public var phone: String?
    /// A number that takes text messages.
    public var text: String?
    public var web: String?
    public var email: String?
    /// When or how to use it, in a few words.
    public var note: String?
    public var audience: Audience
    /// One of the team's own contacts rather than a shipped default.
    public var local: Bool

    public init(
        name: String, phone: String? = nil, text: String? = nil, web: String? = nil, email: String? = nil,
        note: String? = nil, audience: Audience = .all, local: Bool = false
    ) {
        self.name = name
        self.phone = phone
        self.text = text
        self.web = web
        self.email = email
        self.note = note
        self.audience = audience
        self.local = local
    }

    enum CodingKeys: String, CodingKey {
        case name, phone, text, web, email, note, local
        case audience = "for"
    }

    /// Only `name` is required: `for` defaults to `all` and `local` to false (the directory sets it).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), phone: try c.decodeIfPresent(String.self, forKey: .phone),
            text: try c.decodeIfPresent(String.self, forKey: .text), web: try c.decodeIfPresent(String.self, forKey: .web),
            email: try c.decodeIfPresent(String.self, forKey: .email),
            note: try c.decodeIfPresent(String.self, forKey: .note),
            audience: try c.decodeIfPresent(Audience.self, forKey: .audience) ?? .all,
            local: try c.decodeIfPresent(Bool.self, forKey: .local) ?? false)
    }
}

/// The contacts a team reports to: the shipped defaults and its own local ones (`Models/referral.yaml`).
public struct ReferralDirectory: Sendable, Hashable {
    public var defaults: [ReferralContact]
    public var local: [ReferralContact]
    /// Where it was read from, for messages.
    public var source: String
    /// SHA-256 of the file's bytes, recorded with every referral.
    public var sha256: String

    public init(defaults: [ReferralContact], local: [ReferralContact], source: String = "memory", sha256: String = "") {
        self.defaults = defaults
        self.local = local.map {
            var contact = $0
            contact.local = true
            return contact
        }
        self.source = source
        self.sha256 = sha256
    }

    /// Verdicts that call for a referral: the reviewer stands behind the indicators or wants another agency.
    public static func needsReferral(_ verdict: Verdict) -> Bool { verdict == .confirmed || verdict == .escalated }

    /// The referral for an item: every contact for all items, and for a minor those for minors first.
    public func referral(minor: Bool) -> Referral {
        func chosen(_ contacts: [ReferralContact]) -> [ReferralContact] {
            let forMinors = contacts.filter { $0.audience == .minors }
            let forAll = contacts.filter { $0.audience == .all }
            return minor ? forMinors + forAll : forAll
        }
        let locals = chosen(local)
        return Referral(
            minor: minor, contacts: chosen(defaults) + locals, localContactCount: locals.count, sourceSHA256: sha256)
    }
}

extension ReferralDirectory {
    /// The referral for an item as a decision records it, in every store: compact JSON with sorted keys, the text
    /// the decision row keeps and its audit event carries verbatim (``DecisionRow``).
    package func recordedJSON(minor: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(referral(minor: minor)), as: UTF8.self)
    }
}
