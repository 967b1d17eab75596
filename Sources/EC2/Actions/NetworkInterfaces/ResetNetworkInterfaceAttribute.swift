import CloudStack

/// `ResetNetworkInterfaceAttribute` [listVirtualMachines]: `SourceDestCheck`, the one attribute EC2
/// resets, is always at its default (true) on a CloudStack NIC, so resetting it changes nothing.
enum ResetNetworkInterfaceAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkInterfaceId: String?
        let sourceDestCheck: String?
        enum CodingKeys: String, CodingKey {
            case networkInterfaceId = "NetworkInterfaceId"
            case sourceDestCheck = "SourceDestCheck"
        }
    }

    static let name = "ResetNetworkInterfaceAttribute"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.networkInterfaceId else { throw EC2Error.missingParameter("NetworkInterfaceId") }
        _ = try EC2ID.parse(id, as: .networkInterface)
        guard input.sourceDestCheck != nil else { throw EC2Error.missingParameter("SourceDestCheck") }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> ReturnView {
        // The interface must exist, as EC2 checks.
        _ = try await NetworkInterfaceLookup.require(id: input.networkInterfaceId, in: context)
        return ReturnView(value: true)
    }
}
