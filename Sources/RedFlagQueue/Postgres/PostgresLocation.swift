#if Postgres
    public import Foundation

    /// Where a PostgreSQL review queue lives, read from a `postgres://` URL: the server, the role, the database and
    /// the schema that holds the queue's tables.
    ///
    /// ```
    /// postgres://ana:secret@db.example.org:5432/cases?schema=team_a&sslmode=require
    /// postgresql://ana@/cases?host=/var/run/postgresql        (a Unix socket folder, as libpq writes it)
    /// ```
    ///
    /// A queue is one schema (default `public`): several queues can share a database, each in its own schema, and
    /// the tests open a fresh schema per test. `sslmode` is `disable`, `prefer` (the default: TLS when the server
    /// offers it) or `require`. The password never appears in ``description``, which messages use to name the queue.
    public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
        /// How TLS is used (libpq's `sslmode` names).
        public enum TLSMode: String, Sendable, Hashable {
            case disable, prefer, require
        }

        public var host: String
        public var port: Int
        /// A Unix socket's folder (the URL's `host=` query item, starting with `/`); then ``host`` is not used.
        public var socketFolder: String?
        public var username: String
        public var password: String?
        public var database: String
        public var schema: String
        public var tls: TLSMode

        public init(
            host: String = "localhost", port: Int = 5432, socketFolder: String? = nil, username: String,
            password: String? = nil, database: String, schema: String = "public", tls: TLSMode = .prefer
        ) {
            self.host = host
            self.port = port
            self.socketFolder = socketFolder
            self.username = username
            self.password = password
            self.database = database
            self.schema = schema
            self.tls = tls
        }

        /// Whether `text` names a PostgreSQL queue rather than a file: it starts with `postgres://` or
        /// `postgresql://`.
        public static func isPostgresURL(_ text: String) -> Bool {
            let lower = text.lowercased()
            return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
        }

        /// Reads a `postgres://` URL. The role defaults to `defaultUser` and the database to the role's name, as
        /// libpq does.
        /// - Throws: ``QueueError/Code/invalidInput`` saying what is wrong with the URL (without its password).
        public init(url text: String, defaultUser: String = ProcessInfo.processInfo.userName) throws {
            func reject(_ why: String) -> QueueError {
                QueueError(
                    .invalidInput, "not a PostgreSQL queue URL (\(why)): write postgres://USER@HOST:PORT/DATABASE")
            }
            guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
                throw reject("it must start with postgres:// and be a valid URL")
            }
            var query: [String: String] = [:]
            for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
            let known: Set<String> = ["schema", "sslmode", "host", "port", "user", "password", "dbname"]
            if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
                throw reject("unknown parameter \"\(unknown)\"; known: schema, sslmode, host, port")
            }
            let user = query["user"] ?? components.user.flatMap { $0.removingPercentEncoding ?? $0 } ?? defaultUser
            let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
            let database = query["dbname"] ?? (path.isEmpty ? user : (path.removingPercentEncoding ?? path))
            guard !user.isEmpty, !database.isEmpty, !database.contains("/") else {
                throw reject("no role or database name")
            }
            var port = components.port ?? 5432
            if let text = query["port"] {
                guard let value = Int(text) else { throw reject("port \"\(text)\" is not a number") }
                port = value
            }
            guard (1...65535).contains(port) else { throw reject("port \(port) is out of range") }
            let schema = query["schema"] ?? "public"
            guard Self.isPlainIdentifier(schema) else {
                throw reject("schema \"\(schema)\" must be lower-case letters, digits and _, starting with a letter")
            }
            var tls = TLSMode.prefer
            if let mode = query["sslmode"] {
                guard let value = TLSMode(rawValue: mode) else {
                    throw reject("sslmode \"\(mode)\" is not disable, prefer or require")
                }
                tls = value
            }
            var host = components.host.flatMap { $0.removingPercentEncoding ?? $0 } ?? ""
            var socketFolder: String?
            if let hostItem = query["host"] {
                if hostItem.hasPrefix("/") { socketFolder = hostItem } else { host = hostItem }
            }
            if host.isEmpty && socketFolder == nil { host = "localhost" }
            self.init(
                host: host, port: port, socketFolder: socketFolder, username: user,
                password: query["password"] ?? components.password.flatMap { $0.removingPercentEncoding ?? $0 },
                database: database, schema: schema, tls: tls)
        }

        /// A name PostgreSQL takes unquoted and leaves as it is: lower-case letters, digits and `_`, starting with a
        /// letter or `_`, at most 63 bytes. The schema is spliced into DDL (`CREATE SCHEMA`), so nothing else is let
        /// through.
        public static func isPlainIdentifier(_ name: String) -> Bool {
            guard let first = name.unicodeScalars.first, name.utf8.count <= 63 else { return false }
            func letter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || c == "_" }
            return letter(first) && name.unicodeScalars.allSatisfy { letter($0) || ($0 >= "0" && $0 <= "9") }
        }

        /// The Unix socket's path: libpq's `FOLDER/.s.PGSQL.PORT`.
        public var socketPath: String? {
            socketFolder.map { $0 + (($0.hasSuffix("/")) ? "" : "/") + ".s.PGSQL.\(port)" }
        }

        /// The queue as messages name it: the URL without the password, and the schema.
        public var description: String {
            var query: [String] = []
            if let socketFolder { query += ["host=\(socketFolder)", "port=\(port)"] }
            if schema != "public" { query.append("schema=\(schema)") }
            let server = socketFolder != nil ? "" : (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
            return "postgres://\(username)@\(server)/\(database)"
                + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }
    }
#endif
