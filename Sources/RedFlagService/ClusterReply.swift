import Foundation
public import RedFlagQueue

/// One template cluster as `redflag clusters --format json` prints it: the facts analysts compare across a group
/// (size, cities, date span, phones, highest score, confirmed members), the member ids, and the template's shared
/// text and slots, without each member's whole record (`queue show ID` has that).
public struct ClusterReply: Encodable, Sendable {
    public var id: String
    public var size: Int
    public var highestScore: Double
    public var confirmed: Int
    public var cities: [String]
    public var phones: [String]
    public var firstDate: String?
    public var lastDate: String?
    /// Member ids, highest score first.
    public var items: [Int64]
    public var template: TemplateText

    public init(_ cluster: TemplateCluster) {
        id = cluster.id
        size = cluster.size
        highestScore = cluster.highestScore
        confirmed = cluster.confirmed
        cities = cluster.cities
        phones = cluster.phones
        firstDate = cluster.dateSpan?.first
        lastDate = cluster.dateSpan?.last
        items = cluster.members.map(\.id)
        template = TemplateText(texts: cluster.members.filter { $0.purgedAt == nil }.map(\.text))
    }

    enum CodingKeys: String, CodingKey {
        case id, size, confirmed, cities, phones, items, template
        case highestScore = "highest_score"
        case firstDate = "first_date"
        case lastDate = "last_date"
    }
}
