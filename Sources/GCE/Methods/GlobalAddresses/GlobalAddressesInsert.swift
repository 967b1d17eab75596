import Pipeline

/// `compute.globalAddresses.insert`: a 400 before any CloudStack call (`GlobalAddresses`); a malformed body is
/// refused as such first.
enum GlobalAddressesInsert: GCEMethod {
    static let id = "compute.globalAddresses.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/addresses"

    static func decode(_ request: MethodRequest) throws(GCEError) -> AddressBody {
        _ = try AddressBody(request)
        throw GlobalAddresses.refusal
    }

    static func call(_ input: AddressBody, in context: MethodCall) async throws -> Operation { throw GlobalAddresses.refusal }
}
