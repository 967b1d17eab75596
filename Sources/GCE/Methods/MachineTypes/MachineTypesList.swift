/// `compute.machineTypes.list` [listServiceOfferings zoneid=…]; customised offerings are left out.
enum MachineTypesList {
    static let method = Method("compute.machineTypes.list", .get, "projects/{project}/zones/{zone}/machineTypes") { call in
        let zone = try await call.zone()
        let types = try await call.offerings(zoneID: zone.row.id).filter { $0.row.cpunumber != nil }
            .map { Conversions.machineType($0, zone: zone.name, links: call.links) }
        return try call.list(types, kind: "compute#machineTypeList", collection: "zones/\(zone.name)/machineTypes", name: \.name)
    }
}
