import Pipeline

/// `compute.globalAddresses.delete`: 404 for every name (`GlobalAddresses`).
enum GlobalAddressesDelete: GCEMethod {
    static let id = "compute.globalAddresses.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/global/addresses/{address}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "address") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Operation {
        throw GlobalAddresses.notFound(input.name, project: context.project)
    }
}
