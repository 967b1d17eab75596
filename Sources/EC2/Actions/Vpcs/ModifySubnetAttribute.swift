import CloudStack

/// `ModifySubnetAttribute` [listNetworks]: every subnet attribute CloudStack has is fixed — no public
/// address on launch (a tier's instances reach out through the VPC's source NAT, a default subnet's
/// through their network's), no IPv6, no customer-owned pools, no DNS64, no resource-name DNS records.
/// Setting an attribute to the value DescribeSubnets shows is a truthful no-op; anything else is
/// `UnsupportedOperation` naming the member.
enum ModifySubnetAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let subnetId: String?
        let mapPublicIpOnLaunch: BooleanValueInput?
        let assignIpv6AddressOnCreation: BooleanValueInput?
        let mapCustomerOwnedIpOnLaunch: BooleanValueInput?
        let enableDns64: BooleanValueInput?
        let enableResourceNameDnsARecordOnLaunch: BooleanValueInput?
        let enableResourceNameDnsAAAARecordOnLaunch: BooleanValueInput?
        let disableLniAtDeviceIndex: BooleanValueInput?
        let customerOwnedIpv4Pool: String?
        let privateDnsHostnameTypeOnLaunch: String?
        let enableLniAtDeviceIndex: Int?
        enum CodingKeys: String, CodingKey {
            case subnetId = "SubnetId"
            case mapPublicIpOnLaunch = "MapPublicIpOnLaunch"
            case assignIpv6AddressOnCreation = "AssignIpv6AddressOnCreation"
            case mapCustomerOwnedIpOnLaunch = "MapCustomerOwnedIpOnLaunch"
            case enableDns64 = "EnableDns64"
            case enableResourceNameDnsARecordOnLaunch = "EnableResourceNameDnsARecordOnLaunch"
            case enableResourceNameDnsAAAARecordOnLaunch = "EnableResourceNameDnsAAAARecordOnLaunch"
            case disableLniAtDeviceIndex = "DisableLniAtDeviceIndex"
            case customerOwnedIpv4Pool = "CustomerOwnedIpv4Pool"
            case privateDnsHostnameTypeOnLaunch = "PrivateDnsHostnameTypeOnLaunch"
            case enableLniAtDeviceIndex = "EnableLniAtDeviceIndex"
        }
    }

    typealias Output = ReturnView
    static let name = "ModifySubnetAttribute"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.subnetId, !id.isEmpty else { throw EC2Error.missingParameter("SubnetId") }
        _ = try EC2ID.parse(id, as: .subnet)
        // Each boolean attribute's value on every subnet (DescribeSubnets shows the same).
        let flags: [(String, BooleanValueInput?, Bool)] = [
            ("MapPublicIpOnLaunch", input.mapPublicIpOnLaunch, false),
            ("AssignIpv6AddressOnCreation", input.assignIpv6AddressOnCreation, false),
            ("MapCustomerOwnedIpOnLaunch", input.mapCustomerOwnedIpOnLaunch, false), ("EnableDns64", input.enableDns64, false),
            ("EnableResourceNameDnsARecordOnLaunch", input.enableResourceNameDnsARecordOnLaunch, false),
            ("EnableResourceNameDnsAAAARecordOnLaunch", input.enableResourceNameDnsAAAARecordOnLaunch, false),
            ("DisableLniAtDeviceIndex", input.disableLniAtDeviceIndex, false),
        ]
        var count = 0
        for (member, attribute, fixed) in flags {
            guard let attribute else { continue }
            count += 1
            guard let value = attribute.value else { throw EC2Error.missingParameter(member + ".Value") }
            if value != fixed {
                throw EC2Error.unsupportedOperation(
                    "\(member) cannot be set to \(value): CloudStack guest networks give no public address on launch, no IPv6, no customer-owned pools and no DNS64 or resource-name records"
                )
            }
        }
        for (member, given) in [
            ("CustomerOwnedIpv4Pool", input.customerOwnedIpv4Pool != nil),
            ("PrivateDnsHostnameTypeOnLaunch", input.privateDnsHostnameTypeOnLaunch != nil),
            ("EnableLniAtDeviceIndex", input.enableLniAtDeviceIndex != nil),
        ] where given {
            throw EC2Error.unsupportedOperation("\(member) is not supported: CloudStack guest networks have no such setting")
        }
        guard count > 0 else { throw EC2Error.missingParameter("MapPublicIpOnLaunch") }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        _ = try await VPCInventory.network(try EC2ID.parse(input.subnetId ?? "", as: .subnet), in: context)
        return ReturnView(value: true)
    }
}
