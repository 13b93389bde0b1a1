import CSV
import Foundation
import PartnerCore

/// Reads CSV with a kept library (CSV.swift: RFC 4180 quoting, doubled quotes, line breaks inside
/// quotes, CRLF or LF), after dropping a UTF-8 byte-order mark that spreadsheet exports add.
enum CSVDocument {
    static func rows(_ text: String) throws(ValidationFailure) -> [[String]] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        do {
            let reader = try CSVReader(string: body)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            if reader.error != nil { throw ValidationFailure(field: "body", message: "is not valid CSV") }
            return rows
        } catch let failure as ValidationFailure {
            throw failure
        } catch {
            throw ValidationFailure(field: "body", message: "is not valid CSV")
        }
    }
}
