extension Metrics {
    /// One bin of a reliability diagram: predictions in [lower, upper), their mean, and how often they were right.
    public struct CalibrationBin: Sendable, Codable, Equatable {
        public var lower: Double
        public var upper: Double
        /// Mean predicted probability of the bin's examples.
        public var meanPredicted: Double
        /// Fraction of the bin's examples that are positive; equals `meanPredicted` when perfectly calibrated.
        public var fractionPositive: Double
        public var count: Int

        public init(lower: Double, upper: Double, meanPredicted: Double, fractionPositive: Double, count: Int) {
            self.lower = lower
            self.upper = upper
            self.meanPredicted = meanPredicted
            self.fractionPositive = fractionPositive
            self.count = count
        }
    }
}
