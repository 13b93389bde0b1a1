import ArgumentParser
import PartnerServer

/// The `partneros` executable: the commands live in PartnerServer so tests can drive them.
@main
extension PartnerOSCommand {}
