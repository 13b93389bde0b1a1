import FluentKit
import Foundation
import NIOCore
import SQLiteNIO
import Testing

@testable import PartnerServer

/// The writer's own SQLite connection: statements compiled once and kept, values of every storage
/// class read back as SQLiteNIO reads them, SQLite's errors classified as Fluent asks.
@Suite("SQLite handle")
struct SQLiteHandleTests {
    private func withHandle(_ body: (SQLiteHandle) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("partneros-handle-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let handle = try SQLiteHandle(location: path)
        defer { handle.close() }
        try body(handle)
    }

    private func rows(_ handle: SQLiteHandle, _ sql: String, _ binds: [SQLiteData] = []) throws -> [SQLiteValuesRow] {
        var rows: [SQLiteValuesRow] = []
        try handle.execute(sql, binds) { rows.append($0) }
        return rows
    }

    @Test func keepsEachStatementItCompiledAndRebindsItOnEveryRun() throws {
        try withHandle { handle in
            try handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY, label TEXT NOT NULL)", [])
            for n in 0..<50 {
                try handle.execute("INSERT INTO probe (n, label) VALUES (?, ?)", [.integer(n), .text("row \(n)")])
            }
            #expect(handle.cachedStatementCount == 2)
            let found = try rows(handle, "SELECT n, label FROM probe WHERE n >= ? ORDER BY n", [.integer(47)])
            #expect(found.map { $0.column("n") } == [.integer(47), .integer(48), .integer(49)])
            #expect(found.map { $0.column("label") } == [.text("row 47"), .text("row 48"), .text("row 49")])
            // The same text with other values answers from the kept statement, bound afresh.
            let again = try rows(handle, "SELECT n, label FROM probe WHERE n >= ? ORDER BY n", [.integer(49)])
            #expect(again.map { $0.column("label") } == [.text("row 49")])
            #expect(handle.cachedStatementCount == 3)
        }
    }

    @Test func rebindingAKeptStatementDoesNotRecompileIt() throws {
        try withHandle { handle in
            try handle.execute("CREATE TABLE probe (a INTEGER, b INTEGER, c TEXT)", [])
            try handle.execute("CREATE INDEX probe_a ON probe (a)", [])
            for n in 0..<20 {
                try handle.execute("INSERT INTO probe (a, b, c) VALUES (?, ?, ?)", [.integer(n % 4), .integer(n % 3), .text("\(n)")])
            }
            // SQLite marks `LIMIT ?` as a parameter whose value the plan is made for: the first run
            // recompiles the statement with its value, and so does binding another one. Clearing the
            // bindings after a run would recompile it every time, even when the values stay the same.
            let query = "SELECT c FROM probe WHERE a = ? AND b = ? ORDER BY c LIMIT ?"
            var afterFirstRun = 0
            for run in 0..<12 {
                let found = try rows(handle, query, [.integer(1), .integer(1), .integer(5)])
                #expect(found.compactMap { $0.column("c") } == [.text("1"), .text("13")])
                if run == 0 { afterFirstRun = handle.recompilations }
            }
            #expect(handle.recompilations == afterFirstRun)
            // Every parameter must be bound: no value of an earlier run is left behind.
            #expect(throws: SQLiteStatementError.self) { try handle.execute(query, [.integer(1)]) }
        }
    }

    @Test func readsEveryStorageClassBackAsBound() throws {
        try withHandle { handle in
            var blob = ByteBufferAllocator().buffer(capacity: 4)
            blob.writeBytes([0, 1, 254, 255])
            let text = "Bergamot – 柚子 🍊 with a \u{0}NUL inside"
            let row = try #require(
                try rows(
                    handle, "SELECT ? AS i, ? AS f, ? AS t, ? AS b, ? AS z, ? AS big",
                    [.integer(-42), .float(2.5), .text(text), .blob(blob), .null, .integer(.max)]
                ).first)
            #expect(row.allColumns == ["i", "f", "t", "b", "z", "big"])
            #expect(row.column("i") == .integer(-42))
            #expect(row.column("f") == .float(2.5))
            #expect(row.column("t") == .text(text))
            #expect(row.column("b") == .blob(blob))
            #expect(try row.decodeNil(column: "z"))
            #expect(try row.decode(column: "big", as: Int64.self) == Int64.max)
            #expect(row.column("missing") == nil)
            #expect(throws: RowReader.MissingColumn.self) { try row.decode(column: "missing", as: Int.self) }
        }
    }

    @Test func theCacheIsBoundedAndStatementsBeyondItStillRun() throws {
        try withHandle { handle in
            let extra = 10
            for n in 0..<(SQLiteHandle.cacheCapacity + extra) {
                let row = try #require(try rows(handle, "SELECT \(n) AS n").first)
                #expect(row.column("n") == .integer(n))
            }
            #expect(handle.cachedStatementCount == SQLiteHandle.cacheCapacity)
            // A statement beyond the bound runs again, compiled anew each time.
            let last = SQLiteHandle.cacheCapacity + extra - 1
            #expect(try rows(handle, "SELECT \(last) AS n").first?.column("n") == .integer(last))
        }
    }

    @Test func errorsCarrySQLitesCodeAndLeaveTheStatementReusable() throws {
        try withHandle { handle in
            try handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)", [])
            let insert = "INSERT INTO probe (n) VALUES (?)"
            try handle.execute(insert, [.integer(1)])
            let duplicate = #expect(throws: SQLiteStatementError.self) { try handle.execute(insert, [.integer(1)]) }
            #expect(duplicate?.isConstraintFailure == true)
            #expect((duplicate as (any Error)?)?.isConstraintViolation == true)
            #expect(duplicate?.message.contains("UNIQUE") == true)
            // The failed statement was reset: the next run with other values succeeds.
            try handle.execute(insert, [.integer(2)])
            #expect(try rows(handle, "SELECT count(*) AS c FROM probe").first?.column("c") == .integer(2))

            let syntax = #expect(throws: SQLiteStatementError.self) { try handle.execute("SELEC 1", []) }
            #expect(syntax?.isSyntaxError == true)
            #expect(syntax?.isConstraintFailure == false)
            #expect(throws: SQLiteStatementError.self) { try handle.execute(insert, [.integer(3), .integer(4)]) }
            #expect(throws: SQLiteStatementError.self) { try handle.execute("-- nothing to run", []) }
        }
    }

    @Test func aClosedHandleFailsInsteadOfTouchingFreedMemory() throws {
        try withHandle { handle in
            try handle.execute("SELECT 1", [])
            handle.close()
            let error = #expect(throws: SQLiteStatementError.self) { try handle.execute("SELECT 1", []) }
            #expect(error?.isConnectionClosed == true)
            #expect(handle.cachedStatementCount == 0)
        }
    }
}
