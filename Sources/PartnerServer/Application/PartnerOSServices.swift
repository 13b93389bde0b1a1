import Vapor

/// Application-wide dependencies that commands (seed, create-admin) need besides HTTP handlers.
struct PartnerOSServices: Sendable {
    let configuration: AppConfiguration
    let writes: WriteSerializer
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = PartnerOSServices
    }

    var partnerOS: PartnerOSServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                preconditionFailure("PartnerOSApplication.configure has not run")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}
