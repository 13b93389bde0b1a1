// swift-tools-version:6.1
// Timing and accuracy harness for the advisor's forecasting engine. It compiles the repository's
// PartnerCore and PartnerAdvisor sources through the symlinks in Sources/ (a path dependency on the
// root package would pull in Vapor). Run it through scripts/bench-forecast.sh and
// scripts/evaluate-forecast.sh.
import PackageDescription

let package = Package(
    name: "ForecastBench",
    targets: [
        .target(name: "PartnerCore"),
        .target(name: "PartnerAdvisor", dependencies: ["PartnerCore"]),
        .executableTarget(name: "ForecastBench", dependencies: ["PartnerAdvisor"]),
    ],
    swiftLanguageModes: [.v6]
)
