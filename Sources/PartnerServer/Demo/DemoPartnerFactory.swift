import Foundation
import PartnerCore

/// Generates the demo partner registry from a fixed seed: same partners, same order, every run.
struct DemoPartnerFactory {
    struct Partner {
        /// Stable across runs, so links into the demo network keep working after a reseed.
        let id: UUID
        let ownerID: UUID
        let profile: PartnerProfile
        let status: PartnerStatus
        let tierCode: String
        /// Partners in the sample get an owner user for the portal.
        let hasOwner: Bool
    }

    /// How many partners of each type the network holds (240 in all).
    static let counts: [(PartnerType, Int)] = [
        (.dealer, 60), (.distributor, 20), (.salon, 70), (.stand, 40), (.whiteLabel, 15), (.affiliate, 35),
    ]

    private static let surnames = [
        "Müller", "Schneider", "Fischer", "Weber", "Laurent", "Moreau", "Dubois", "Janssen", "De Vries", "Peeters",
        "García", "Fernández", "Silva", "Costa", "Rossi", "Bianchi", "Romano", "Lindqvist", "Hansen", "Nieminen",
        "Walsh", "Murphy", "Taylor", "Bennett", "Hoffmann", "Lefèvre", "Visser", "Martín", "Ferrari", "Berg",
    ]
    private static let firstNames = [
        "Anna", "Sophie", "Clara", "Léa", "Emma", "Lucía", "Giulia", "Freya", "Ines", "Marta",
        "Elena", "Noor", "Chloé", "Aoife", "Maja", "Sara", "Julia", "Camille", "Beatriz", "Ida",
    ]
    private static let words = [
        "Lumen", "Velvet", "Aurora", "Botanica", "Pure", "Rosé", "Opal", "Nordic", "Silk", "Amber",
        "Iris", "Coral", "Sage", "Pearl", "Linden", "Ivory", "Solstice", "Mistral", "Verde", "Luna",
    ]

    /// How many of each type to make; the demo's by default, more for the scale seed.
    var counts: [(PartnerType, Int)] = Self.counts

    func make(seed: UInt64 = 20_261_122) -> [Partner] {
        var random = SeededGenerator(seed: seed)
        var usedNames: [PartnerType: Set<String>] = [:]
        var partners: [Partner] = []
        for (type, count) in counts {
            for index in 0..<count {
                let region = DemoGeography.regions[(index + partners.count) % DemoGeography.regions.count]
                let city = region.cities.randomElement(using: &random)!
                var name = companyName(for: type, city: city, region: region, random: &random)
                if usedNames[type, default: []].contains(name) { name += " \(city.name)" }
                if usedNames[type, default: []].contains(name) { name += " \(index + 1)" }
                usedNames[type, default: []].insert(name)
                partners.append(partner(type: type, index: index, name: name, city: city, region: region, random: &random))
            }
        }
        return partners
    }

    private func partner(
        type: PartnerType, index: Int, name: String, city: DemoGeography.City, region: DemoGeography.Region, random: inout SeededGenerator
    ) -> Partner {
        let slug = Self.slug(name)
        let status: PartnerStatus = random.weighted([(.active, 88), (.applicant, 6), (.suspended, 4), (.terminated, 2)])
        let tierCode: String =
            type == .stand
            ? random.weighted([("starter", 50), ("plus", 30), ("pro", 20)])
            : random.weighted([("bronze", 40), ("silver", 30), ("gold", 20), ("platinum", 10)])
        let profile = PartnerProfile(
            type: type, companyName: name,
            displayName: index % 3 == 0 ? name.components(separatedBy: " ").prefix(2).joined(separator: " ") : nil,
            email: "contact@\(slug).example.com", phone: phone(for: city.country, random: &random), region: region.name,
            country: city.country, city: city.name,
            address: "\(city.street) \(Int.random(in: 1...180, using: &random))", postalCode: city.postalCode,
            latitude: ((city.latitude + Double.random(in: -0.04...0.04, using: &random)) * 1000).rounded() / 1000,
            longitude: ((city.longitude + Double.random(in: -0.06...0.06, using: &random)) * 1000).rounded() / 1000,
            taxId: type == .affiliate ? nil : "\(city.country)\(100_000_000 + Int.random(in: 0..<900_000_000, using: &random))",
            website: type == .affiliate || index % 4 == 0 ? "https://www.\(slug).example.com" : nil)
        return Partner(
            id: UUID(using: &random), ownerID: UUID(using: &random), profile: profile, status: status, tierCode: tierCode,
            hasOwner: index % 4 == 0 && status != .terminated)
    }

    private func companyName(for type: PartnerType, city: DemoGeography.City, region: DemoGeography.Region, random: inout SeededGenerator)
        -> String
    {
        let surname = Self.surnames.randomElement(using: &random)!
        let first = Self.firstNames.randomElement(using: &random)!
        let word = Self.words.randomElement(using: &random)!
        let suffix = region.companySuffixes.randomElement(using: &random)!
        let patterns: [String] =
            switch type {
            case .dealer:
                ["\(surname) Beauty Supply \(suffix)", "\(city.name) Cosmetics Trading \(suffix)", "\(word) Beauty Wholesale \(suffix)"]
            case .distributor:
                ["\(word) Distribution \(suffix)", "\(region.name) Beauty Logistics \(suffix)", "\(surname) Distribution \(suffix)"]
            case .salon: ["Salon \(first)", "\(first)'s Hair & Beauty", "Studio \(word)", "\(word) Beauty Lounge"]
            case .stand: ["\(surname) Pharmacy", "Parfumerie \(surname)", "\(word) Concept Store", "\(city.name) Drugstore \(surname)"]
            case .whiteLabel:
                [
                    "\(word) Skin Labs \(suffix)", "Maison \(surname)",
                    "\(word) & \(Self.words.randomElement(using: &random)!) Cosmetics \(suffix)",
                ]
            case .affiliate: ["\(first) \(surname) Beauty", "Glow with \(first)", "\(word) Reviews"]
            }
        return patterns.randomElement(using: &random)!
    }

    private func phone(for country: String, random: inout SeededGenerator) -> String {
        let prefixes = [
            "DE": "+49", "AT": "+43", "CH": "+41", "FR": "+33", "NL": "+31", "BE": "+32", "LU": "+352",
            "ES": "+34", "PT": "+351", "IT": "+39", "SE": "+46", "DK": "+45", "NO": "+47", "FI": "+358",
            "GB": "+44", "IE": "+353",
        ]
        return
            "\(prefixes[country] ?? "+49") \(Int.random(in: 20...99, using: &random)) \(Int.random(in: 1_000_000...9_999_999, using: &random))"
    }

    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let pieces = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return pieces.prefix(4).joined(separator: "-")
    }
}
