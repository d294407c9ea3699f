#if Postgres
    import Foundation
    import Testing

    @testable import RedFlagQueue

    /// Reading `--db postgres://…` (no server needed): the parts, the defaults libpq uses, and refusals that say why.
    @Suite("PostgreSQL queue URLs")
    struct PostgresLocationTests {
        @Test("every part of a URL is read, percent-decoded; the description drops the password")
        func parts() throws {
            let location = try PostgresLocation(
                url: "postgresql://ana:s%40cret@db.example.org:6543/cases?schema=team_a&sslmode=require")
            #expect(location.host == "db.example.org" && location.port == 6543)
            #expect(location.username == "ana" && location.password == "s@cret")
            #expect(location.database == "cases" && location.schema == "team_a" && location.tls == .require)
            #expect(location.description == "postgres://ana@db.example.org:6543/cases?schema=team_a")
            #expect(!location.description.contains("cret"))
        }

        @Test("defaults: port 5432, schema public, TLS when offered, the role's own database, a socket folder")
        func defaults() throws {
            let plain = try PostgresLocation(url: "postgres://ana@localhost", defaultUser: "nobody")
            #expect(plain.port == 5432 && plain.schema == "public" && plain.tls == .prefer && plain.database == "ana")
            let bare = try PostgresLocation(url: "postgres:///cases", defaultUser: "redflag")
            #expect(bare.username == "redflag" && bare.host == "localhost" && bare.database == "cases")
            let socket = try PostgresLocation(url: "postgres://ana@/cases?host=/var/run/postgresql")
            #expect(socket.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
            #expect(socket.description == "postgres://ana@/cases?host=/var/run/postgresql&port=5432")
        }

        @Test(
            "refusals name what is wrong",
            arguments: [
                ("mysql://ana@db/cases", "must start with postgres://"),
                ("postgres://ana@db/cases?schema=Team-A", "schema \"Team-A\""),
                ("postgres://ana@db/cases?sslmode=verify-full", "sslmode \"verify-full\""),
                ("postgres://ana@db/cases?pool=4", "unknown parameter \"pool\""),
                ("postgres://ana@db/cases?port=70000", "out of range"),
            ])
        func refusals(url: String, reason: String) {
            #expect(throws: QueueError.self) { try PostgresLocation(url: url) }
            do {
                _ = try PostgresLocation(url: url)
            } catch let error as QueueError {
                #expect(error.code == .invalidInput && error.message.contains(reason), "\(error.message)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
#endif
