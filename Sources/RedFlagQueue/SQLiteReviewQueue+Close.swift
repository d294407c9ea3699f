import GRDB

extension SQLiteReviewQueue {
    /// Closes the database connections now rather than when the last reference goes: a server calls it after its
    /// last request has finished, so the WAL is checkpointed and the file left whole before the process exits. Every
    /// use after this fails.
    public func closeConnections() throws {
        do {
            try pool.close()
        } catch {
            throw Self.mapped(error, path: path)
        }
    }
}
