extension Metrics {
    /// Binary confusion counts at one threshold, with the rates derived from them.
    public struct Confusion: Sendable, Codable, Equatable {
        public var tp: Int
        public var fp: Int
        public var tn: Int
        public var fn: Int

        public init(tp: Int, fp: Int, tn: Int, fn: Int) {
            self.tp = tp
            self.fp = fp
            self.tn = tn
            self.fn = fn
        }

        /// tp / (tp + fp); 0 when nothing was predicted positive (scikit-learn's `zero_division=0`).
        public var precision: Double { Self.ratio(tp, tp + fp) }
        /// tp / (tp + fn); 0 when there are no positives.
        public var recall: Double { Self.ratio(tp, tp + fn) }
        /// 2tp / (2tp + fp + fn), the harmonic mean of precision and recall; 0 when both are undefined or zero.
        public var f1: Double { Self.ratio(2 * tp, 2 * tp + fp + fn) }
        /// (tp + tn) / total; 0 for no examples.
        public var accuracy: Double { Self.ratio(tp + tn, tp + fp + tn + fn) }

        private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
            denominator > 0 ? Double(numerator) / Double(denominator) : 0
        }
    }
}
