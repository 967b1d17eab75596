/// A schema value a list `filter` can test: its fields by name (`name`, `status`, `labels.env`, ...).
protocol Filterable {
    /// The field's value as text, or nil when the value has no such field.
    func filterValue(_ field: String) -> String?
}

extension Filterable {
    /// Looks `labels.<key>` up in `labels`.
    static func label(_ field: String, in labels: [(key: String, value: String)]) -> String? {
        guard field.hasPrefix("labels.") else { return nil }
        let key = field.dropFirst("labels.".count)
        return labels.first { $0.key == key }?.value
    }
}

extension Zone: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "status": status
        case "description": description
        case "region": region
        default: nil
        }
    }
}

extension Region: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "status": status
        case "description": description
        default: nil
        }
    }
}

extension MachineType: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "guestCpus": String(guestCpus)
        case "memoryMb": String(memoryMb)
        case "zone": zone
        case "description": description
        default: nil
        }
    }
}

extension DiskType: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "zone": zone
        case "description": description
        default: nil
        }
    }
}

extension Image: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "status": status
        case "family": family
        case "description": description
        default: Self.label(field, in: labels)
        }
    }
}

extension Instance: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "status": status
        case "zone": zone
        case "machineType": machineType
        case "description": description
        default: Self.label(field, in: labels)
        }
    }
}

extension Network: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "description": description
        default: nil
        }
    }
}

extension Subnetwork: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "network": network
        case "ipCidrRange": ipCidrRange
        case "gatewayAddress": gatewayAddress
        case "region": region
        case "description": description
        default: nil
        }
    }
}

extension Operation: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "status": status
        case "operationType": operationType
        case "targetLink": targetLink
        case "zone": zone
        default: nil
        }
    }
}
