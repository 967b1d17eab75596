import Pipeline

/// `compute.globalAddresses.list`: always empty (`GlobalAddresses`); the options are still checked.
enum GlobalAddressesList: GCEMethod {
    static let id = "compute.globalAddresses.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/addresses"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Address> {
        try context.list(
            [Address](), options: input.options, kind: "compute#addressList", collection: "global/addresses", name: \.name)
    }
}
