#if Postgres
    import Foundation
    import Logging
    import PostgresNIO

    /// One connection inside one transaction: the few ways the store runs a statement, each reading the whole
    /// result before the next statement goes out (a connection runs one statement at a time).
    struct PostgresSQL {
        let connection: PostgresConnection
        let logger: Logger

        /// Runs a statement and drops its rows.
        func run(_ query: PostgresQuery) async throws {
            _ = try await connection.query(query, logger: logger).collect()
        }

        /// Every row of a statement.
        func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
            try await connection.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
        }

        /// The first row, if any.
        func first(_ query: PostgresQuery) async throws -> PostgresRandomAccessRow? {
            try await rows(query).first
        }

        /// The first column of the first row, if there is a row.
        func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) async throws -> T? {
            guard let row = try await first(query) else { return nil }
            return try row[0].decode(T.self)
        }

        /// Calls `body` with each row as it arrives, without holding the whole result (the audit chain can be long).
        func forEach(_ query: PostgresQuery, _ body: (PostgresRandomAccessRow) throws -> Void) async throws {
            for try await row in try await connection.query(query, logger: logger) {
                try body(row.makeRandomAccess())
            }
        }
    }

    extension PostgresRandomAccessRow {
        /// The named column as `T` (an `Optional` for a column that may be NULL).
        func get<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
            try self[column].decode(T.self)
        }
    }

    /// What a statement is built from when its shape depends on the call (filters, exclusions): SQL text and the
    /// values bound to its `$n` placeholders, numbered as they are added.
    struct PostgresStatement {
        private(set) var sql: String
        private(set) var bindings = PostgresBindings()

        init(_ sql: String = "") { self.sql = sql }

        /// Appends SQL text, verbatim: only the store's own text, never a value.
        mutating func append(_ text: String) { sql += text }

        /// Binds `value` and returns its placeholder (`$1`, `$2`, …) to write into the SQL.
        mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
            bindings.append(value)
            return "$\(bindings.count)"
        }

        /// Binds NULL, of no particular type (the server takes the column's).
        mutating func bindNull() -> String {
            bindings.appendNull()
            return "$\(bindings.count)"
        }

        var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
    }
#endif
