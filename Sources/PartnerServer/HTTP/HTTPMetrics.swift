import Prometheus

/// Request counts and latency histograms by route and status, exposed at `/metrics`.
///
/// One registry per application (no process-wide `MetricsSystem.bootstrap`), so tests that build
/// many applications in one process never share counters.
final class HTTPMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "partneros", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests by method, route and status.")
    }
    private static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "partneros", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "HTTP request latency by method, route and status.")
    }
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(5),
    ]

    func record(method: String, route: String, status: UInt, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.duration, labels: labels, buckets: Self.buckets)
            .record(duration)
    }

    func exposition() -> String {
        registry.emitToString()
    }
}
