/// A small RFC 4180 CSV reader: quoted fields, doubled quotes, commas and line breaks inside quotes,
/// CRLF or LF line ends.
public enum CSVReader {
    public enum Failure: Error, Equatable, Sendable {
        case unterminatedQuote(line: Int)
    }

    public static func rows(_ text: String) throws(Failure) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
            case ",":
                row.append(field)
                field = ""
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                line += 1
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: line) }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        // A trailing blank line is not a row.
        return rows.filter { !($0.count == 1 && $0[0].trimmed.isEmpty) }
    }
}
