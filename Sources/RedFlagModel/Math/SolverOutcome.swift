/// What a solver hands back: the parameters and the facts `TrainingReport` publishes.
struct SolverOutcome: Sendable {
    var theta: [Double]
    var iterations: Int
    var converged: Bool
    var loss: Double
    var optimizer: String
}
