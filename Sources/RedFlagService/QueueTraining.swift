public import RedFlagContract
public import RedFlagQueue

/// Reviewers' decisions as training examples: what `redflag train --from-queue` learns from, and what a server
/// would export for retraining.
public enum QueueTraining {
    /// Every item with a standing decision as a labeled example: confirmed and escalated are suspicious, dismissed
    /// is benign; the vector is the one the item was scored with. Ids are `queue:<item id>`.
    public static func examples(from queue: some ReviewQueue) async throws -> [RedFlagContract.LabeledExample] {
        try await queue.labeledExamples().map { decided in
            RedFlagContract.LabeledExample(
                id: "queue:\(decided.itemID)", vector: FeatureVector(decided.features),
                suspicious: decided.label == .suspicious, category: decided.category)
        }
    }
}
