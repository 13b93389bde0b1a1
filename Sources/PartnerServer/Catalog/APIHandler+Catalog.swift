import Foundation
import OpenAPIRuntime
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listProducts(_ input: Operations.ListProducts.Input) async throws -> Operations.ListProducts.Output {
        let caller = try authenticate()
        let query = input.query
        let page = try await services.products.list(
            ProductFilter(category: query.category, active: query.active, query: query.q),
            page: PageRequest(limit: query.limit, cursor: query.cursor))
        let showingCost = caller.may(.readCosts)
        return .ok(.init(body: .json(.init(items: page.items.map { $0.api(showingCost: showingCost) }, nextCursor: page.nextCursor))))
    }

    func createProduct(_ input: Operations.CreateProduct.Input) async throws -> Operations.CreateProduct.Output {
        let caller = try authenticate()
        try caller.authorize(.manageCatalogue)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let definition = try ProductDefinition.validated(
            sku: body.sku, name: body.name, category: body.category,
            listPrice: (body.listPrice.amount, body.listPrice.currency),
            unitCost: body.unitCost.map { ($0.amount, $0.currency) }, packSize: body.packSize, active: body.active)
        let product = try await services.products.create(definition)
        return .created(.init(body: .json(product.api(showingCost: true))))
    }

    func importProducts(_ input: Operations.ImportProducts.Input) async throws -> Operations.ImportProducts.Output {
        let caller = try authenticate()
        try caller.authorize(.manageCatalogue)
        guard case .csv(let body) = input.body else { throw APIError.badRequest("Send the catalogue as text/csv.") }
        let text = try await String(collecting: body, upTo: configuration.maxBodyBytes)
        let definitions = try ProductCSV.products(rows: try CSVDocument.rows(text))
        let result = try await services.products.upsert(definitions)
        return .ok(.init(body: .json(.init(created: result.created, updated: result.updated))))
    }
}
