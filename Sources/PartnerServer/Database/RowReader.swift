import FluentKit
import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO

/// One result row read by column name. On SQLite the values come straight from the driver: the hot
/// lists read tens of thousands of values a second, and SQLKit's generic row decoding cost more
/// than the queries themselves. On other databases it reads through SQLKit's `SQLRow`.
struct RowReader {
    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "The query has no value for column \(column)." }
    }

    private enum Source {
        case sqlite(SQLiteRow)
        case values(SQLiteValuesRow)
        case sql(any SQLRow)
    }

    private let source: Source

    /// The rows of `query` on `database`.
    static func all(_ query: SQLQueryString, on database: any Database) async throws -> [RowReader] {
        if let handle = (database as? any SQLiteHandleProvider)?.currentHandle {
            var rows: [RowReader] = []
            try handle.run(query) { rows.append(RowReader(source: .values($0))) }
            return rows
        }
        let sql = try database.sql()
        guard let sqlite = database as? any SQLiteDatabase else {
            return try await sql.raw(query).all().map { RowReader(source: .sql($0)) }
        }
        let (text, binds) = sql.serialize(query)
        let encoder = SQLiteDataEncoder()
        let values = try binds.map { try encoder.encode($0) }
        return try await sqlite.query(text, values).map { RowReader(source: .sqlite($0)) }
    }

    func optionalString(_ column: String) throws -> String? {
        switch source {
        case .sqlite, .values: return try value(column).string
        case .sql(let row): return try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: String.self)
        }
    }

    func string(_ column: String) throws -> String {
        guard let value = try optionalString(column) else { throw MissingColumn(column: column) }
        return value
    }

    func optionalInt64(_ column: String) throws -> Int64? {
        switch source {
        case .sqlite, .values: return try value(column).integer.map(Int64.init)
        case .sql(let row): return try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: Int64.self)
        }
    }

    func int64(_ column: String) throws -> Int64 {
        guard let value = try optionalInt64(column) else { throw MissingColumn(column: column) }
        return value
    }

    func optionalInt(_ column: String) throws -> Int? {
        try optionalInt64(column).map { Int(clamping: $0) }
    }

    func int(_ column: String) throws -> Int {
        Int(clamping: try int64(column))
    }

    func optionalDouble(_ column: String) throws -> Double? {
        switch source {
        case .sqlite, .values: return try value(column).double
        case .sql(let row): return try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: Double.self)
        }
    }

    func double(_ column: String) throws -> Double {
        guard let value = try optionalDouble(column) else { throw MissingColumn(column: column) }
        return value
    }

    func bool(_ column: String) throws -> Bool {
        switch source {
        case .sqlite, .values:
            guard let value = try value(column).bool else { throw MissingColumn(column: column) }
            return value
        case .sql(let row): return try row.decode(column: column, as: Bool.self)
        }
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        switch source {
        case .sqlite, .values:
            switch try value(column) {
            case .text(let text): return Self.uuid(text)
            case .blob(let buffer) where buffer.readableBytes == 16:
                guard let bytes = buffer.getBytes(at: buffer.readerIndex, length: 16) else { return nil }
                return UUID(
                    uuid: (
                        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                        bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                    ))
            default: return nil
            }
        case .sql(let row): return try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: UUID.self)
        }
    }

    func uuid(_ column: String) throws -> UUID {
        guard let value = try optionalUUID(column) else { throw MissingColumn(column: column) }
        return value
    }

    func optionalDate(_ column: String) throws -> Date? {
        switch source {
        case .sqlite, .values:
            let data = try value(column)
            if case .text = data { return try SQLiteDataDecoder().decode(Date.self, from: data) }
            return data.double.map(Date.init(timeIntervalSince1970:))
        case .sql(let row): return try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: Date.self)
        }
    }

    func date(_ column: String) throws -> Date {
        guard let value = try optionalDate(column) else { throw MissingColumn(column: column) }
        return value
    }

    func value<Value: RawRepresentable<String>>(_ column: String, as type: Value.Type) throws -> Value {
        guard let value = Value(rawValue: try string(column)) else { throw MissingColumn(column: column) }
        return value
    }

    /// The driver's value of `column` in an SQLite row (`.null` for another database's row, which
    /// the accessors read through SQLKit instead).
    private func value(_ column: String) throws -> SQLiteData {
        let data: SQLiteData?
        switch source {
        case .sqlite(let row): data = row.column(column)
        case .values(let row): data = row.column(column)
        case .sql: data = .null
        }
        guard let data else { throw MissingColumn(column: column) }
        return data
    }

    /// Parses the 36-character text form; Foundation's parser goes through `sscanf` on Linux.
    static func uuid(_ text: String) -> UUID? {
        var utf8 = text.utf8.makeIterator()
        var bytes = [UInt8](repeating: 0, count: 16)
        var index = 0
        var high: UInt8?
        var position = 0
        while let character = utf8.next() {
            defer { position += 1 }
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            guard index < 16 else { return nil }
            if let first = high {
                bytes[index] = first << 4 | nibble
                index += 1
                high = nil
            } else {
                high = nibble
            }
        }
        guard position == 36, index == 16 else { return nil }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
