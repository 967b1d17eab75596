/// `compute.machineTypes.get` [listServiceOfferings zoneid=…]; `custom-<cpus>-<memoryMb>` names a customised offering.
enum MachineTypesGet {
    static let method = Method("compute.machineTypes.get", .get, "projects/{project}/zones/{zone}/machineTypes/{machineType}") { call in
        let zone = try await call.zone()
        let wanted = try call.parameter("machineType")
        let offerings = try await call.offerings(zoneID: zone.row.id)
        guard let offering = offerings.filter({ $0.row.cpunumber != nil }).find(wanted, id: { $0.id ?? "" }) else {
            if let custom = CustomMachineType(wanted), offerings.contains(where: { $0.row.iscustomized == true }) {
                return MachineType(
                    id: ResourceID.of(wanted), name: wanted, description: "Custom machine type", guestCpus: custom.cpus,
                    memoryMb: custom.memoryMb, zone: zone.name, selfLink: call.links.machineType(zone.name, wanted),
                    creationTimestamp: nil
                ).json
            }
            throw GCEError.notFound("projects/\(call.project)/zones/\(zone.name)/machineTypes/\(wanted)")
        }
        return Conversions.machineType(offering, zone: zone.name, links: call.links).json
    }
}
