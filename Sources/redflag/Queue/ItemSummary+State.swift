import Foundation
import RedFlagQueue
import RedFlagService

extension ItemSummary {
    /// A `queue list` row, its state in the words the table shows.
    init(_ item: QueueItem, now: Date) {
        self.init(item, state: QueueRenderer(colour: false).verdictText(item, now: now))
    }
}
