/// How a training run ended, so a caller can log it and refuse a model that never converged.
public struct TrainingReport: Sendable, Codable {
    /// Optimizer iterations taken (epochs for SGD).
    public var iterations: Int
    /// True when the stopping rule in `TrainingOptions.tolerance` was met before `maxIterations`.
    public var converged: Bool
    /// The minimised objective at the returned model: class-weighted mean log-loss plus (λ/2W)‖w‖², W the total
    /// class weight (n with balanced or unit weights).
    public var finalLoss: Double
    /// The optimizer that actually ran: "newton", "lbfgs" or "sgd" (Newton falls back to "lbfgs" on large models).
    public var optimizer: String

    public init(iterations: Int, converged: Bool, finalLoss: Double, optimizer: String) {
        self.iterations = iterations
        self.converged = converged
        self.finalLoss = finalLoss
        self.optimizer = optimizer
    }
}
