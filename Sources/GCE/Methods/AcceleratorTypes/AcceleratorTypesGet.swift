import Pipeline

/// `compute.acceleratorTypes.get` [listZones]: 404 for every name, as GCE answers an accelerator type a zone lacks.
enum AcceleratorTypesGet: GCEMethod {
    static let id = "compute.acceleratorTypes.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/acceleratorTypes/{acceleratorType}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput {
        try ZonalResourceInput(request, "acceleratorType")
    }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> AcceleratorType {
        let zone = try await context.zone(input.zone)
        throw GCEError.notFound("projects/\(context.project)/zones/\(zone.name)/acceleratorTypes/\(input.name)")
    }
}
