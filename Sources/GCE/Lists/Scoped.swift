/// An item with the scope it was listed in.
struct Scoped<T: Filterable>: Filterable {
    let scope: String
    let item: T

    func filterValue(_ field: String) -> String? { item.filterValue(field) }
}
