// The generated types and server live beside this file (from openapi.yaml); SwiftPM needs one
// source file of the target's own.
package enum PartnerAPIInfo {
    package static let specFile = "openapi.yaml"
}
