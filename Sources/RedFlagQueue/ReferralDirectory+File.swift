import Foundation
internal import Yams

extension ReferralDirectory {
    private struct File: Decodable {
        var version: Int
        var defaults: [ReferralContact]?
        var local: [ReferralContact]?
    }

    /// Reads a referral file: `defaults` and `local`, each a list of contacts with a `name`, at least one of `phone`,
    /// `text`, `web` or `email`, and `for: all` (default) or `for: minors`.
    /// - Throws: ``QueueError`` with ``QueueError/Code/invalidInput`` naming the file and the contact at fault.
    public static func load(path: String) throws -> ReferralDirectory {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw QueueError(
                .invalidInput, "cannot read the referral contacts \(path): \(error.localizedDescription)", path: path)
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: String(decoding: data, as: UTF8.self))
        } catch {
            throw QueueError(
                .invalidInput,
                "\(path) is not a referral file (\(error)); each contact needs a name and `for: all` or `for: minors`",
                path: path)
        }
        let contacts = (file.defaults ?? []) + (file.local ?? [])
        if file.defaults?.isEmpty ?? true {
            throw QueueError(.invalidInput, "\(path) lists no default contacts", path: path)
        }
        for contact in contacts {
            let name = contact.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw QueueError(.invalidInput, "\(path): a contact has no name", path: path) }
            let means = [contact.phone, contact.text, contact.web, contact.email].compactMap { $0 }
            guard means.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw QueueError(
                    .invalidInput, "\(path): contact \"\(name)\" has no phone, text, web or email", path: path)
            }
        }
        return ReferralDirectory(
            defaults: file.defaults ?? [], local: file.local ?? [], source: path, sha256: SHA256Hex.of(data))
    }
}
