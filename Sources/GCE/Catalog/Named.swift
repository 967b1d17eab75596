import CloudStack

/// A CloudStack row with the GCE name `ResourceNames.assign` gave it in its scope.
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
    /// Names every VM by `ResourceNames.instanceName` (from the VM alone), keeping order.
    func namedInstances() -> [Named<CloudStack.VirtualMachine>] {
        map { Named(name: ResourceNames.instanceName($0.name ?? "", id: $0.id ?? ""), row: $0) }
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
}
