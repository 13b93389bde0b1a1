/// Sales regions with real cities and coordinates for the demo network.
enum DemoGeography {
    struct City {
        let name: String
        let country: String
        let latitude: Double
        let longitude: Double
        let postalCode: String
        let street: String
    }

    struct Region {
        let name: String
        let cities: [City]
        /// The legal-form suffix companies carry there.
        let companySuffixes: [String]
    }

    static let regions: [Region] = [
        Region(
            name: "DACH",
            cities: [
                City(name: "Berlin", country: "DE", latitude: 52.520, longitude: 13.405, postalCode: "10115", street: "Friedrichstraße"),
                City(name: "Munich", country: "DE", latitude: 48.137, longitude: 11.575, postalCode: "80331", street: "Sendlinger Straße"),
                City(name: "Hamburg", country: "DE", latitude: 53.551, longitude: 9.993, postalCode: "20095", street: "Mönckebergstraße"),
                City(name: "Cologne", country: "DE", latitude: 50.937, longitude: 6.960, postalCode: "50667", street: "Hohe Straße"),
                City(name: "Vienna", country: "AT", latitude: 48.208, longitude: 16.373, postalCode: "1010", street: "Kärntner Straße"),
                City(name: "Zurich", country: "CH", latitude: 47.377, longitude: 8.541, postalCode: "8001", street: "Bahnhofstrasse"),
            ], companySuffixes: ["GmbH", "GmbH & Co. KG", "AG"]),
        Region(
            name: "France",
            cities: [
                City(name: "Paris", country: "FR", latitude: 48.857, longitude: 2.352, postalCode: "75001", street: "Rue de Rivoli"),
                City(name: "Lyon", country: "FR", latitude: 45.764, longitude: 4.836, postalCode: "69002", street: "Rue de la République"),
                City(name: "Marseille", country: "FR", latitude: 43.296, longitude: 5.370, postalCode: "13001", street: "La Canebière"),
                City(
                    name: "Bordeaux", country: "FR", latitude: 44.838, longitude: -0.579, postalCode: "33000",
                    street: "Rue Sainte-Catherine"),
                City(name: "Lille", country: "FR", latitude: 50.629, longitude: 3.057, postalCode: "59000", street: "Rue Neuve"),
            ], companySuffixes: ["SARL", "SAS"]),
        Region(
            name: "Benelux",
            cities: [
                City(name: "Amsterdam", country: "NL", latitude: 52.368, longitude: 4.904, postalCode: "1012", street: "Kalverstraat"),
                City(name: "Rotterdam", country: "NL", latitude: 51.924, longitude: 4.478, postalCode: "3011", street: "Lijnbaan"),
                City(name: "Utrecht", country: "NL", latitude: 52.091, longitude: 5.122, postalCode: "3511", street: "Oudegracht"),
                City(name: "Brussels", country: "BE", latitude: 50.850, longitude: 4.352, postalCode: "1000", street: "Rue Neuve"),
                City(name: "Antwerp", country: "BE", latitude: 51.219, longitude: 4.402, postalCode: "2000", street: "Meir"),
                City(name: "Luxembourg", country: "LU", latitude: 49.611, longitude: 6.130, postalCode: "1118", street: "Grand-Rue"),
            ], companySuffixes: ["B.V.", "BV", "S.A."]),
        Region(
            name: "Iberia",
            cities: [
                City(name: "Madrid", country: "ES", latitude: 40.417, longitude: -3.704, postalCode: "28013", street: "Calle de Preciados"),
                City(
                    name: "Barcelona", country: "ES", latitude: 41.385, longitude: 2.173, postalCode: "08002", street: "Passeig de Gràcia"),
                City(name: "Valencia", country: "ES", latitude: 39.470, longitude: -0.376, postalCode: "46002", street: "Calle de Colón"),
                City(name: "Lisbon", country: "PT", latitude: 38.722, longitude: -9.139, postalCode: "1100-148", street: "Rua Augusta"),
                City(
                    name: "Porto", country: "PT", latitude: 41.158, longitude: -8.629, postalCode: "4000-322",
                    street: "Rua de Santa Catarina"),
            ], companySuffixes: ["S.L.", "S.A.", "Lda."]),
        Region(
            name: "Italy",
            cities: [
                City(name: "Milan", country: "IT", latitude: 45.464, longitude: 9.190, postalCode: "20121", street: "Via Montenapoleone"),
                City(name: "Rome", country: "IT", latitude: 41.903, longitude: 12.496, postalCode: "00187", street: "Via del Corso"),
                City(name: "Turin", country: "IT", latitude: 45.070, longitude: 7.687, postalCode: "10123", street: "Via Roma"),
                City(
                    name: "Florence", country: "IT", latitude: 43.770, longitude: 11.255, postalCode: "50123", street: "Via de' Tornabuoni"),
                City(name: "Naples", country: "IT", latitude: 40.852, longitude: 14.268, postalCode: "80132", street: "Via Toledo"),
            ], companySuffixes: ["S.r.l.", "S.p.A."]),
        Region(
            name: "Nordics",
            cities: [
                City(name: "Stockholm", country: "SE", latitude: 59.329, longitude: 18.069, postalCode: "111 57", street: "Drottninggatan"),
                City(name: "Gothenburg", country: "SE", latitude: 57.709, longitude: 11.975, postalCode: "411 06", street: "Kungsgatan"),
                City(name: "Copenhagen", country: "DK", latitude: 55.676, longitude: 12.568, postalCode: "1160", street: "Strøget"),
                City(name: "Oslo", country: "NO", latitude: 59.914, longitude: 10.752, postalCode: "0154", street: "Karl Johans gate"),
                City(name: "Helsinki", country: "FI", latitude: 60.170, longitude: 24.938, postalCode: "00100", street: "Aleksanterinkatu"),
            ], companySuffixes: ["AB", "ApS", "AS", "Oy"]),
        Region(
            name: "UKI",
            cities: [
                City(name: "London", country: "GB", latitude: 51.507, longitude: -0.128, postalCode: "W1B 3AG", street: "Regent Street"),
                City(name: "Manchester", country: "GB", latitude: 53.480, longitude: -2.242, postalCode: "M1 1AD", street: "Market Street"),
                City(
                    name: "Edinburgh", country: "GB", latitude: 55.953, longitude: -3.189, postalCode: "EH2 2ER", street: "Princes Street"),
                City(name: "Dublin", country: "IE", latitude: 53.350, longitude: -6.260, postalCode: "D02 XE81", street: "Grafton Street"),
            ], companySuffixes: ["Ltd", "Limited"]),
    ]
}
