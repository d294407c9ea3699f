/// Why a model cannot be loaded, trained or used.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
