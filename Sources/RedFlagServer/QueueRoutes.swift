import Foundation
import HTTPTypes
import Hummingbird
import RedFlagQueue
import RedFlagService

/// The review queue over HTTP, for reviewer and admin tokens: list (the filters of `queue list` and a cursor), show,
/// claim, decide, release and note. Replies are the documents `redflag queue … --format json` prints; the reviewer
/// recorded is always the token's name.
struct QueueRoutes: Sendable {
    let queue: any ReviewQueue
    /// Where confirmed and escalated items are referred (recorded with the decision, as `queue decide` does).
    let referrals: ReferralDirectory
    let configuration: ServerConfiguration

    func add(to group: RouterGroup<ServerRequestContext>) {
        group.get("/queue") { request, _ in try await list(request) }
        group.post("/queue/claim") { request, context in try await claim(request, context: context) }
        group.get("/queue/:id") { _, context in try await show(context) }
        group.post("/queue/:id/decision") { request, context in try await decide(request, context: context) }
        group.post("/queue/:id/release") { request, context in try await release(request, context: context) }
        group.post("/queue/:id/notes") { request, context in try await note(request, context: context) }
    }

    /// Small JSON bodies only: a note is the largest, and the queue caps it well below this.
    static let maximumBodyBytes = 64 << 10

    private func list(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        func text(_ name: String) -> String? { query[name[...]].map(String.init) }
        var filter = QueueFilter()
        if let status = text("status") {
            guard let parsed = StatusFilter(rawValue: status) else {
                throw APIError.badRequest(
                    "invalid_parameter",
                    "`status` must be one of \(StatusFilter.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = parsed
        }
        if let score = text("min_score") {
            guard let value = Double(score), value.isFinite else {
                throw APIError.badRequest("invalid_parameter", "`min_score` must be a number")
            }
            filter.minimumScore = value
        }
        filter.family = text("family")
        filter.phone = text("phone")
        if let minors = text("minors") {
            guard let value = Bool(minors) else {
                throw APIError.badRequest("invalid_parameter", "`minors` must be true or false")
            }
            filter.minorsOnly = value
        }
        var limit = 50
        if let given = text("limit") {
            guard let value = Int(given), (1...QueuePage.maximumLimit).contains(value) else {
                throw APIError.badRequest("invalid_parameter", "`limit` must be 1 to \(QueuePage.maximumLimit)")
            }
            limit = value
        }
        var cursor: QueueCursor?
        if let token = text("cursor") {
            guard let parsed = QueueCursor(token: token) else {
                throw APIError.badRequest("invalid_parameter", "`cursor` is not a cursor this server handed out")
            }
            cursor = parsed
        }
        let page = try await queue.list(filter: filter, after: cursor, limit: limit)
        let now = Date()
        return try JSONReply.response(
            ListReply(items: page.items.map { ItemSummary($0, state: Self.state($0, now: now)) }, nextCursor: page.next?.token))
    }

    private func show(_ context: ServerRequestContext) async throws -> Response {
        let id = try itemID(context)
        guard let item = try await queue.item(id: id) else {
            throw QueueError(.itemNotFound, "no item \(id)", itemID: id)
        }
        return try JSONReply.response(try await ShowReply.load(item, from: queue))
    }

    private func claim(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let token = try context.requireToken()
        let body = try await decodeBody(ClaimRequest.self, from: Self.read(request))
        var lease = configuration.defaultLease
        if let seconds = body.leaseSeconds {
            guard seconds > 0, seconds <= 7 * 24 * 3600 else {
                throw APIError.badRequest("invalid_field", "`lease_seconds` must be more than 0 and at most 7 days")
            }
            lease = .milliseconds(Int64(seconds * 1000))
        }
        guard let item = try await queue.claimNext(reviewer: token.name, lease: lease, excluding: []) else {
            throw QueueError(.nothingToClaim, "nothing to claim: no pending items")
        }
        return try JSONReply.response(item)
    }

    private func decide(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let token = try context.requireToken()
        let id = try itemID(context)
        let body = try await decodeBody(DecisionRequest.self, from: Self.read(request))
        let outcome = try await queue.decide(
            id: id, verdict: body.verdict, severity: body.severity ?? 3, note: body.note, reviewer: token.name,
            claimToken: body.claimToken, referrals: referrals)
        let again: Bool
        if case .alreadyRecorded = outcome { again = true } else { again = false }
        return try JSONReply.response(DecisionReply(decision: outcome.decision, alreadyRecorded: again))
    }

    private func release(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let token = try context.requireToken()
        let id = try itemID(context)
        let body = try await decodeBody(ReleaseRequest.self, from: Self.read(request))
        try await queue.release(id: id, reviewer: token.name, claimToken: body.claimToken)
        return try JSONReply.response(ReleaseReply(id: id, released: true))
    }

    private func note(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let token = try context.requireToken()
        let id = try itemID(context)
        let body = try await decodeBody(NoteRequest.self, from: Self.read(request))
        let note = try await queue.addNote(id: id, author: token.name, text: body.text)
        return try JSONReply.response(note, status: .created)
    }

    private func itemID(_ context: ServerRequestContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw APIError.badRequest("invalid_parameter", "the item id must be a positive whole number")
        }
        return id
    }

    private static func read(_ request: Request) async throws -> [UInt8] {
        let bytes = try await RequestBodyReader.collect(request, limit: maximumBodyBytes)
        try RequestBodyReader.checkText(bytes)
        return bytes
    }

    /// The item's state in the words `queue list` uses: pending, claimed, expired (a lease that ran out), or the
    /// verdict and severity.
    static func state(_ item: QueueItem, now: Date) -> String {
        switch item.status {
        case .pending: "pending"
        case .claimed: item.claim?.isExpired(at: now) == true ? "expired" : "claimed"
        case .decided: item.decision.map { "\($0.verdict.rawValue)/\($0.severity)" } ?? "decided"
        }
    }
}
