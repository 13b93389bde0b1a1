import Foundation

extension UUID {
    /// RFC 9562 recommends lower case for UUID text; `uuidString` is upper case.
    var apiString: String { uuidString.lowercased() }
}
