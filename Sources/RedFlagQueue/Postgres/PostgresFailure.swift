#if Postgres
    import Foundation
    import PostgresNIO

    /// Turns what PostgresNIO and the server report into a ``QueueError`` naming the queue, with the server's
    /// SQLSTATE in ``QueueError/storeFailure`` and whether trying again may help: done once, at the edge of each
    /// transaction, as the SQLite store maps SQLite's codes.
    enum PostgresFailure {
        /// SQLSTATEs after which the server rolled the whole transaction back and running it again is the cure:
        /// serialization failure and deadlock.
        static let transientStates: Set<String> = ["40001", "40P01"]

        /// Whether the transaction failed in a way that running it again from the start may cure.
        static func isTransient(_ error: any Error) -> Bool {
            guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
            return transientStates.contains(state)
        }

        static func mapped(_ error: any Error, location: PostgresLocation, opening: Bool) -> QueueError {
            let name = location.description
            if let error = error as? QueueError { return error }
            if error is StoredValueError || error is PostgresDecodingError || error is DecodingError {
                return QueueError(
                    .corruptDatabase,
                    "\(name) holds a value RedFlag cannot read (\(error)); a row was edited outside RedFlag",
                    path: name, storeFailure: QueueError.StoreFailure(store: "postgresql", code: "", retryable: false))
            }
            guard let error = error as? PSQLError else {
                // The pool's own failures (the server unreachable for a minute, the pool shut down): the connection,
                // not the request, is at fault.
                return QueueError(
                    opening ? .cannotOpen : .storage, "cannot reach the PostgreSQL server of \(name): \(error)",
                    path: name,
                    storeFailure: QueueError.StoreFailure(store: "postgresql", code: "connection", retryable: true))
            }
            guard let info = error.serverInfo, let state = info[.sqlState] else {
                return connectionFailure(error, name: name, opening: opening)
            }
            let detail = info[.message] ?? "SQLSTATE \(state)"
            let failure = QueueError.StoreFailure(
                store: "postgresql", code: state,
                retryable: transientStates.contains(state) || state.hasPrefix("08") || state.hasPrefix("57P")
                    || state == "55P03" || state == "53300")
            switch state {
            case "40001", "40P01":
                return QueueError(
                    .busy, "\(name): the transaction kept colliding with others (PostgreSQL: \(detail)); try again",
                    path: name, storeFailure: failure)
            case "55P03", "53300":
                return QueueError(
                    .busy, "\(name) is busy (PostgreSQL: \(detail)); try again", path: name, storeFailure: failure)
            case "3D000":
                return QueueError(
                    .cannotOpen,
                    "\(name): the database \(location.database) does not exist; create it (`createdb "
                        + "\(location.database)`)", path: name, storeFailure: failure)
            case _ where state.hasPrefix("28"):
                return QueueError(
                    .cannotOpen,
                    "\(name): the server refused the login of \(location.username) (PostgreSQL: \(detail))",
                    path: name, storeFailure: failure)
            case "42501":
                return QueueError(
                    .cannotOpen,
                    "\(name): \(location.username) may not \(opening ? "create or change" : "use") the queue's tables "
                        + "(PostgreSQL: \(detail))", path: name, storeFailure: failure)
            case "53100":
                return QueueError(
                    .storage,
                    "\(name): the server's disk is full (PostgreSQL: \(detail)); the transaction was rolled back",
                    path: name, storeFailure: failure)
            case "22021", "22P05":
                return QueueError(
                    .invalidInput,
                    "\(name) cannot store this text (PostgreSQL: \(detail)): a NUL character or an "
                        + "encoding the database does not hold", path: name, storeFailure: failure)
            case _ where state.hasPrefix("08") || state.hasPrefix("57P"):
                return QueueError(
                    opening ? .cannotOpen : .storage,
                    "\(name): the connection to the server was lost (PostgreSQL: \(detail))", path: name,
                    storeFailure: failure)
            default:
                return QueueError(
                    .storage, "\(name): PostgreSQL error \(state): \(detail)", path: name, storeFailure: failure)
            }
        }

        /// A failure with no SQLSTATE: the socket, TLS or the protocol.
        private static func connectionFailure(_ error: PSQLError, name: String, opening: Bool) -> QueueError {
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return QueueError(
                opening ? .cannotOpen : .storage,
                opening
                    ? "cannot connect to the PostgreSQL server of \(name) (\(reason)); is it running, and does it "
                        + "accept connections there?"
                    : "\(name): the connection to the server failed (\(reason)); the write in progress may not "
                        + "have been committed (enqueue and decide are safe to repeat)",
                path: name,
                storeFailure: QueueError.StoreFailure(store: "postgresql", code: "connection", retryable: true))
        }
    }
#endif
