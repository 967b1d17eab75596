import Pipeline

/// `compute.machineTypes.get` [listServiceOfferings zoneid=…]; `custom-<cpus>-<memoryMb>` names a customised offering.
enum MachineTypesGet: GCEMethod {
    static let id = "compute.machineTypes.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/machineTypes/{machineType}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput {
        try ZonalResourceInput(request, "machineType")
    }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> MachineType {
        let zone = try await context.zone(input.zone)
        let offerings = try await context.offerings(zoneID: zone.row.id)
        guard let offering = offerings.filter({ $0.row.cpunumber != nil }).find(input.name, id: { $0.id ?? "" }) else {
            if let custom = CustomMachineType(input.name), offerings.contains(where: { $0.row.iscustomized == true }) {
                return MachineType(
                    id: ResourceID.of(input.name), name: input.name, description: "Custom machine type", guestCpus: custom.cpus,
                    memoryMb: custom.memoryMb, zone: zone.name, selfLink: context.links.machineType(zone.name, input.name),
                    creationTimestamp: nil)
            }
            throw GCEError.notFound("projects/\(context.project)/zones/\(zone.name)/machineTypes/\(input.name)")
        }
        return Conversions.machineType(offering, zone: zone.name, links: context.links)
    }
}
