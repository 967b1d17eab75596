extension Firewall: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "description": description
        case "direction": direction
        case "priority": String(priority)
        case "network": network
        case "disabled": "false"
        default: nil
        }
    }
}
