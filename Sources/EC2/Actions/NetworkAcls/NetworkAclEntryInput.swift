import CloudStack

/// The members of CreateNetworkAclEntry and ReplaceNetworkAclEntry, checked as EC2 checks them, and
/// their CloudStack item parameters (`NetworkAclMapping`).
struct NetworkAclEntryInput: Decodable, Sendable {
    /// `PortRange.From`/`To`.
    struct Ports: Decodable, Sendable {
        let from: Int?
        let to: Int?
        enum CodingKeys: String, CodingKey {
            case from = "From"
            case to = "To"
        }
    }

    /// `Icmp.Type`/`Code` (botocore's `IcmpTypeCode`).
    struct Icmp: Decodable, Sendable {
        let type: Int?
        let code: Int?
        enum CodingKeys: String, CodingKey {
            case type = "Type"
            case code = "Code"
        }
    }

    let networkAclId: String?
    let ruleNumber: Int?
    let `protocol`: String?
    let ruleAction: String?
    let egress: Bool?
    let cidrBlock: String?
    let ipv6CidrBlock: String?
    let icmp: Icmp?
    let portRange: Ports?

    enum CodingKeys: String, CodingKey {
        case networkAclId = "NetworkAclId"
        case ruleNumber = "RuleNumber"
        case `protocol` = "Protocol"
        case ruleAction = "RuleAction"
        case egress = "Egress"
        case cidrBlock = "CidrBlock"
        case ipv6CidrBlock = "Ipv6CidrBlock"
        case icmp = "Icmp"
        case portRange = "PortRange"
    }

    /// Every check the input alone allows.
    func validate() throws(EC2Error) {
        guard let acl = networkAclId, !acl.isEmpty else { throw EC2Error.missingParameter("NetworkAclId") }
        _ = try EC2ID.parse(acl, as: .networkAcl)
        guard let number = ruleNumber else { throw EC2Error.missingParameter("RuleNumber") }
        guard (1...32766).contains(number) else {
            throw EC2Error.invalidParameterValue(
                "Value ( \(number) ) for parameter ruleNumber is invalid. Expecting a value between 1 and 32766.")
        }
        guard let proto = `protocol`, !proto.isEmpty else { throw EC2Error.missingParameter("Protocol") }
        let cloudStack = try NetworkAclMapping.cloudStackProtocol(proto)
        guard let action = ruleAction, !action.isEmpty else { throw EC2Error.missingParameter("RuleAction") }
        guard ["allow", "deny"].contains(action.lowercased()) else {
            throw EC2Error.invalidParameterValue(
                "Value (\(XMLSafeName.clip(action))) for parameter ruleAction is invalid. Expecting allow or deny.")
        }
        if egress == nil { throw EC2Error.missingParameter("Egress") }
        if ipv6CidrBlock != nil {
            throw EC2Error.unsupportedOperation("The parameter Ipv6CidrBlock is not supported: CloudStack VPC network ACLs here are IPv4.")
        }
        guard let cidr = cidrBlock, !cidr.isEmpty else { throw EC2Error.missingParameter("CidrBlock") }
        guard IPv4CIDR.isValid(cidr) else {
            throw EC2Error.invalidParameterValue("Value (\(XMLSafeName.clip(cidr))) for parameter cidrBlock is invalid.")
        }
        switch cloudStack {
        case "tcp", "udp":
            guard let from = portRange?.from, let to = portRange?.to else { throw EC2Error.missingParameter("PortRange") }
            guard (0...65535).contains(from), (0...65535).contains(to), from <= to else {
                throw EC2Error.invalidParameterValue("Invalid value for portRange: from \(from) to \(to).")
            }
        case "icmp":
            // Without `Icmp` the rule covers every type and code (-1), as Ansible's ec2_vpc_nacl sends it.
            let type = icmp?.type ?? -1, code = icmp?.code ?? -1
            guard (-1...255).contains(type), (-1...255).contains(code) else {
                throw EC2Error.invalidParameterValue("Invalid value for icmpTypeCode: type \(type) code \(code).")
            }
        default:
            break
        }
    }

    /// The createNetworkACL parameters for list `aclUUID`.
    func parameters(aclUUID: String) -> Parameters {
        let cloudStack = (try? NetworkAclMapping.cloudStackProtocol(`protocol` ?? "")) ?? "all"
        var parameters: Parameters = [
            "aclid": aclUUID, "protocol": cloudStack,
            "number": String(NetworkAclMapping.cloudStackNumber(ruleNumber ?? 0, egress: egress ?? false)),
            "action": (ruleAction ?? "").lowercased() == "deny" ? "Deny" : "Allow",
            "traffictype": egress == true ? "Egress" : "Ingress", "cidrlist": IPv4CIDR.normalised(cidrBlock ?? ""),
        ]
        switch cloudStack {
        case "tcp", "udp":
            parameters["startport"] = String(portRange?.from ?? 0)
            parameters["endport"] = String(portRange?.to ?? 0)
        case "icmp":
            parameters["icmptype"] = String(icmp?.type ?? -1)
            parameters["icmpcode"] = String(icmp?.code ?? -1)
        default:
            break
        }
        return parameters
    }

    /// The item of `items` this entry's number and direction name.
    func existing(in items: [NetworkACLItem]) -> NetworkACLItem? {
        items.first { NetworkAclMapping.isEgress($0) == (egress ?? false) && NetworkAclMapping.ec2RuleNumber($0) == ruleNumber }
    }
}
