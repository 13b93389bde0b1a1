import Foundation
import PartnerCore

/// The brand's demo catalogue: 48 cosmetics SKUs over eight categories, each with a Pricing OS
/// guardrail (floor at 55–65 % of list, at most 35 % off, at least 25 % margin).
enum DemoCatalog {
    private static let lines: [(category: String, prefix: String, names: [String], price: ClosedRange<Int>, pack: Int)] = [
        (
            "lips", "LIP",
            ["Velvet Matte Lipstick", "Satin Lipstick", "Lip Oil Rosé", "Plumping Gloss", "Lip Liner Nude", "Tinted Lip Balm"],
            1_490...2_890, 6
        ),
        (
            "eyes", "EYE",
            ["Volume Mascara", "Lengthening Mascara", "Liquid Eyeliner", "Kohl Pencil", "Eyeshadow Palette Nude", "Brow Gel"],
            1_290...4_490, 6
        ),
        (
            "face", "FCE",
            ["Fluid Foundation", "Skin Tint SPF 20", "Concealer Stick", "Setting Powder", "Cream Blush", "Bronzer Sun Kiss"], 1_990...3_990,
            4
        ),
        (
            "skin", "SKN",
            ["Hydra Serum 30 ml", "Vitamin C Serum", "Night Cream", "Day Cream SPF 30", "Eye Contour Gel", "Retinol Ampoules"],
            2_490...5_990, 4
        ),
        (
            "cleanse", "CLN",
            ["Micellar Water 400 ml", "Cleansing Balm", "Foaming Cleanser", "Exfoliating Toner", "Clay Mask", "Makeup Remover Pads"],
            890...2_490, 6
        ),
        (
            "hair", "HAR", ["Repair Shampoo", "Repair Conditioner", "Hair Mask Argan", "Heat Protect Spray", "Dry Shampoo", "Scalp Serum"],
            1_190...3_290, 6
        ),
        (
            "body", "BDY", ["Body Lotion Almond", "Shower Oil", "Hand Cream Trio", "Body Scrub Salt", "Deodorant Roll-On", "Foot Balm"],
            690...2_690, 6
        ),
        (
            "fragrance", "FRG",
            [
                "Eau de Parfum Amber 50 ml", "Eau de Toilette Citrus", "Body Mist Peony", "Solid Perfume Iris", "Travel Spray Trio",
                "Scented Candle Fig",
            ], 2_990...7_990, 2
        ),
    ]

    static func products(random: inout SeededGenerator) -> [(definition: ProductDefinition, guardrail: Guardrail)] {
        lines.flatMap { line in
            line.names.enumerated().map { index, name in
                let cents = Int64(Int.random(in: line.price, using: &random) / 10 * 10)
                let list = Money(minorUnits: cents, currency: .eur)
                let cost = Money(minorUnits: cents * Int64.random(in: 28...42, using: &random) / 100, currency: .eur)
                let floor = Money(minorUnits: cents * Int64.random(in: 55...65, using: &random) / 100, currency: .eur)
                let definition = ProductDefinition(
                    sku: "\(line.prefix)-\(String(format: "%03d", index + 1))", name: name, category: line.category,
                    listPrice: list, unitCost: cost, packSize: line.pack, active: !(line.category == "body" && index == 5))
                let guardrail = Guardrail(
                    floorPrice: floor, ceilingPrice: Money(minorUnits: cents * 12 / 10, currency: .eur),
                    maxDiscountBasisPoints: 3_500, minMarginBasisPoints: 2_500)
                return (definition, guardrail)
            }
        }
    }
}
