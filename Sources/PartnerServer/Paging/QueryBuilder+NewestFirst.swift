import Fluent
import Foundation

extension QueryBuilder where Model.IDValue == UUID {
    /// One newest-first page keyed by (millisecond time, id): the shape of every history list.
    func newestFirst(by time: KeyPath<Model, FieldProperty<Model, Int64>>, page: PageRequest) async throws -> Page<Model> {
        if let after = try page.position(TimePosition.self) {
            group(.or) { or in
                or.filter(time < after.millis)
                or.group(.and) { same in
                    same.filter(time == after.millis)
                    same.filter(\._$id < after.id)
                }
            }
        }
        let rows = try await sort(time, .descending).sort(\._$id, .descending).limit(page.limit + 1).all()
        return Page(rows: rows, limit: page.limit) { TimePosition(millis: $0[keyPath: time].value ?? 0, id: $0.id!) }
    }
}
