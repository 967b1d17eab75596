import CloudStack

/// The CloudStack offerings CreateVpc and CreateSubnet use, from configuration (`ec2.vpcOffering`,
/// `ec2.vpcTierOffering`), each a name or an id.
enum ConfiguredOfferings {
    /// The VPC offering's id.
    static func vpcOffering(in context: ActionContext) async throws(EC2Error) -> String {
        let configured = context.configuration.vpcOffering
        let rows = try await context.list(CommandTable.listVPCOfferings, lookup(configured))
        guard let id = rows.first(where: { $0.id == configured || $0.name == configured })?.id else {
            throw missing("VPC offering", configured, key: "ec2.vpcOffering")
        }
        return id
    }

    /// The VPC tier network offering's id (one with `forvpc` true: CloudStack refuses others in a VPC).
    static func tierOffering(in context: ActionContext) async throws(EC2Error) -> String {
        let configured = context.configuration.vpcTierOffering
        var parameters = lookup(configured)
        parameters["forvpc"] = "true"
        let rows = try await context.list(CommandTable.listNetworkOfferings, parameters)
        guard let id = rows.first(where: { ($0.id == configured || $0.name == configured) && $0.forvpc != false })?.id else {
            throw missing("network offering for VPC tiers", configured, key: "ec2.vpcTierOffering")
        }
        return id
    }

    /// `id` for a UUID, else `name`.
    private static func lookup(_ configured: String) -> Parameters {
        EC2ID(kind: .vpc, cloudStackUUID: configured) == nil ? ["name": configured] : ["id": configured]
    }

    private static func missing(_ what: String, _ name: String, key: String) -> EC2Error {
        EC2Error.unsupportedOperation(
            "CloudStack has no \(what) '\(XMLSafeName.clip(name))' for this account (configuration key \(key)); ask the operator to set it."
        )
    }
}
