/// The checks `NetworkACLServiceImpl.validateNetworkACLItem` makes on a rule's protocol, ports, ICMP
/// fields, CIDRs, action and traffic type, applied to a new or updated item.
enum NetworkACLItemRules {
    static func apply(_ call: Call, to item: inout NetworkACLItem, creating: Bool) throws {
        if let proto = call.string("protocol") {
            let lower = proto.lowercased()
            if let number = Int(proto) {
                guard (0...255).contains(number) else { throw APIError.invalid("Invalid protocol number: \(proto)") }
            } else if !["tcp", "udp", "icmp", "all"].contains(lower) {
                throw APIError.invalid("Invalid protocol: \(proto)")
            }
            item.protocolName = Int(proto) == nil ? lower : proto
        }
        if let start = try call.int("startport") { item.startPort = start }
        if let end = try call.int("endport") { item.endPort = end }
        if creating, item.startPort != nil, item.endPort == nil { item.endPort = item.startPort }
        for port in [item.startPort, item.endPort].compactMap({ $0 }) where !(0...65535).contains(port) {
            throw APIError.invalid("Invalid port range \(port)")
        }
        if let start = item.startPort, let end = item.endPort, start > end {
            throw APIError.invalid("Start port can't be bigger than end port")
        }
        if (item.startPort != nil || item.endPort != nil) && !["tcp", "udp"].contains(item.protocolName) {
            throw APIError.invalid("Can specify start/end port only for protocols TCP and UDP")
        }
        if let type = try call.int("icmptype") { item.icmpType = type }
        if let code = try call.int("icmpcode") { item.icmpCode = code }
        if item.protocolName != "icmp" {
            if item.icmpType != nil || item.icmpCode != nil {
                throw APIError.invalid("Can specify icmpType and icmpCode only for ICMP protocol")
            }
        } else if creating {
            if item.icmpType == nil { item.icmpType = -1 }
            if item.icmpCode == nil { item.icmpCode = -1 }
        }
        if let cidrs = call.list("cidrlist") {
            for cidr in cidrs where !CIDR.isValid(cidr) { throw APIError.invalid("Invalid cidr \(cidr)") }
            item.cidrList = cidrs
        }
        if item.cidrList.isEmpty { item.cidrList = ["0.0.0.0/0"] }
        if let action = call.string("action") {
            switch action.lowercased() {
            case "allow": item.action = "Allow"
            case "deny": item.action = "Deny"
            default: throw APIError.invalid("Invalid action. Allowed actions are Allow and Deny")
            }
        }
        if let traffic = call.string("traffictype") {
            switch traffic.lowercased() {
            case "ingress": item.trafficType = "Ingress"
            case "egress": item.trafficType = "Egress"
            default: throw APIError.invalid("Invalid traffic type \(traffic)")
            }
        }
        if item.number < 1 { throw APIError.invalid("Invalid number. Number cannot be < 1") }
    }
}
