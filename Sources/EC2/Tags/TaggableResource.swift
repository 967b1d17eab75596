import CloudStack

/// An EC2 resource that can carry tags: its id, kind, CloudStack `ResourceObjectType` and EC2 resource type.
///
/// The CloudStack type follows from the id prefix (`i-` → `UserVm`, `ami-` → `Template`, `vol-` →
/// `Volume`, `snap-` → `Snapshot`, `sg-` → `SecurityGroup`, `vpc-` → `Vpc`, `subnet-` → `Network`,
/// `eipalloc-` → `PublicIpAddress`, `eni-` → `Nic`), and back for listTags rows. A NIC's tags are
/// resource details, not CloudStack tags (`NicTags`).
struct TaggableResource: Sendable, Hashable {
    /// The id parsed.
    let id: EC2ID

    /// The kinds that carry tags, with CloudStack's resource type and EC2's `resourceType` name.
    static let kinds: [(kind: ResourceKind, cloudStackType: String, ec2Type: String)] = [
        (.instance, "UserVm", "instance"),
        (.image, "Template", "image"),
        (.volume, "Volume", "volume"),
        (.snapshot, "Snapshot", "snapshot"),
        (.securityGroup, "SecurityGroup", "security-group"),
        (.vpc, "Vpc", "vpc"),
        (.subnet, "Network", "subnet"),
        (.allocation, "PublicIpAddress", "elastic-ip"),
        (.networkInterface, NicTags.resourceType, "network-interface"),
    ]

    /// CloudStack's resource type (`UserVm`, ...).
    var cloudStackType: String { Self.kinds.first { $0.kind == id.kind }?.cloudStackType ?? "" }

    /// Whether the tags are CloudStack resource details (a NIC), not CloudStack tags.
    var isDetails: Bool { id.kind == .networkInterface }

    /// EC2's resource type (`instance`, ...).
    var ec2Type: String { Self.kinds.first { $0.kind == id.kind }?.ec2Type ?? "" }

    /// Parses a `ResourceId.N`: a taggable kind's prefix and shape, else EC2's `InvalidID`; the kind's
    /// `.Malformed` for a known prefix with a bad id. Key pairs (`key-`) exist in EC2 but CloudStack
    /// cannot tag SSH key pairs: `UnsupportedOperation` naming the id.
    static func parse(_ text: String) throws(EC2Error) -> TaggableResource {
        if text.hasPrefix("key-") {
            throw EC2Error.unsupportedOperation("CloudStack cannot tag key pairs ('\(XMLSafeName.clip(text))').")
        }
        guard let entry = kinds.first(where: { text.hasPrefix($0.kind.prefix) }) else {
            throw EC2Error(code: "InvalidID", message: "The ID '\(XMLSafeName.clip(text))' is not valid")
        }
        return TaggableResource(id: try EC2ID.parse(text, as: entry.kind))
    }

    /// The EC2 id and resource type of a listTags row, or nil for a type EC2 has no resource for.
    static func ec2(cloudStackType: String?, uuid: String?) -> (id: String, type: String)? {
        guard let cloudStackType, let uuid,
            let entry = kinds.first(where: { $0.cloudStackType.lowercased() == cloudStackType.lowercased() }),
            let id = EC2ID(kind: entry.kind, cloudStackUUID: uuid)
        else { return nil }
        return (id.description, entry.ec2Type)
    }

    /// CloudStack's type for an EC2 `resource-type` filter value, or nil when no CloudStack type maps to it.
    static func cloudStackType(ec2Type: String) -> String? {
        kinds.first { $0.ec2Type == ec2Type }?.cloudStackType
    }

    /// Whether the resource exists for the caller; one list call by id (a 431 for an unknown UUID is
    /// the kind's NotFound through the error context).
    func exists(in context: ActionContext) async throws(EC2Error) -> Bool {
        let uuid = id.cloudStackUUID
        let errorContext = ErrorContext.ids(id.kind, [id.description])
        let byID: Parameters = ["id": uuid]
        switch id.kind {
        case .instance:
            return try await context.list(CommandTable.listVirtualMachines, byID, context: errorContext).contains { $0.id == uuid }
        case .image:
            for filter in ["self", "executable"] {
                let templates = try await ImageLookup.templates(filter: filter, extra: byID, in: context, errorContext: errorContext)
                if templates.contains(where: { $0.id == uuid }) { return true }
            }
            return false
        case .volume:
            return try await context.list(CommandTable.listVolumes, byID, context: errorContext).contains { $0.id == uuid }
        case .snapshot:
            return try await context.list(CommandTable.listSnapshots, byID, context: errorContext).contains { $0.id == uuid }
        case .securityGroup:
            return try await context.list(CommandTable.listSecurityGroups, byID, context: errorContext).contains { $0.id == uuid }
        case .vpc:
            return try await context.list(CommandTable.listVPCs, byID, context: errorContext).contains { $0.id == uuid }
        case .subnet:
            return try await context.list(CommandTable.listNetworks, byID, context: errorContext).contains { $0.id == uuid }
        case .allocation:
            return try await context.list(CommandTable.listPublicIpAddresses, byID, context: errorContext).contains { $0.id == uuid }
        case .networkInterface:
            return try await NetworkInterfaceLookup.find(id, in: context) != nil
        case .association, .reservation, .routeTable, .routeTableAssociation, .internetGateway, .natGateway, .networkAcl,
            .networkAclAssociation, .dhcpOptions, .localGateway, .customerGateway,
            .vpnGateway, .placementGroup:
            return false
        case .vpnConnection:
            return false
        case .securityGroupRule:
            return false
        case .networkInterfaceAttachment:
            return false
        }
    }

    /// `exists`, or the kind's NotFound.
    func require(in context: ActionContext) async throws(EC2Error) {
        guard try await exists(in: context) else { throw EC2Error.notFound(id.kind, ids: [id.description]) }
    }
}
