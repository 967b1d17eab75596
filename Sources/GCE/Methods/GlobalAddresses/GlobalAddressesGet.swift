import Pipeline

/// `compute.globalAddresses.get`: 404 for every name (`GlobalAddresses`).
enum GlobalAddressesGet: GCEMethod {
    static let id = "compute.globalAddresses.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/addresses/{address}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "address") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Address {
        throw GlobalAddresses.notFound(input.name, project: context.project)
    }
}
