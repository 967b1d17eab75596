import CloudStack

/// A CloudStack row with its GCE name: the one `ResourceNames.assign` gave it in its scope, or for instances, disks
/// and snapshots the one `ResourceNames.ownName` makes of the row alone.
struct Named<Row: Sendable>: Sendable {
    let name: String
    let row: Row
}

extension Array where Element: Sendable {
    /// Names every row in this scope (duplicates disambiguated), keeping order.
    func named(id: (Element) -> String, name: (Element) -> String) -> [Named<Element>] {
        let names = ResourceNames.assign(map { (id($0), name($0)) })
        return zip(names, self).map { Named(name: $0, row: $1) }
    }
}

extension Array where Element == CloudStack.VirtualMachine {
    /// Names every VM by `ResourceNames.ownName` (from the VM alone), keeping order.
    func namedInstances() -> [Named<CloudStack.VirtualMachine>] {
        map { Named(name: ResourceNames.ownName($0.name ?? "", id: $0.id ?? ""), row: $0) }
    }
}

extension Array {
    /// The row named `name` (GCE name) or with numeric id `name`.
    func find<Row>(_ name: String, id: (Row) -> String) -> Named<Row>? where Element == Named<Row> {
        if ResourceID.isNumeric(name), let value = UInt64(name) {
            return first { ResourceID.of(id($0.row)) == value }
        }
        return first { $0.name == name }
    }

    /// The one row named `wanted` (GCE name) or with numeric id `wanted`: 404 naming `notFound` when none is, 400
    /// naming `field` and the rows' numeric ids when several rows have that name. Rows named from their own row
    /// (`ResourceNames.ownName`) can share a name only when CloudStack gave them the same one outside the gateway.
    func one<Row>(_ wanted: String, id: (Row) -> String, notFound: String, field: String, plural: String) throws(GCEError) -> Named<Row>
    where Element == Named<Row> {
        guard let found = find(wanted, id: id) else { throw GCEError.notFound(notFound) }
        guard !ResourceID.isNumeric(wanted) else { return found }
        let same = filter { $0.name == wanted }
        guard same.count > 1 else { return found }
        let ids = same.map { String(ResourceID.of(id($0.row))) }.joined(separator: ", ")
        throw GCEError.invalid(
            "Invalid value for field '\(field)': '\(wanted)'. \(same.count) \(plural) have this name; name one by its numeric id (\(ids))")
    }
}
