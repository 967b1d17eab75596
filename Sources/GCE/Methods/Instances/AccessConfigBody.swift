/// An `AccessConfig` (instances.addAccessConfig / updateAccessConfig bodies, `networkInterfaces[].accessConfigs[]`
/// of instances.insert) as far as CloudStack can honour it: `type: ONE_TO_ONE_NAT`, `name`, `natIP` (a reserved
/// address; absent for an ephemeral one) and the defaults `networkTier: PREMIUM`, `setPublicPtr: false`. CloudStack
/// static NAT has no PTR records, network tiers, IPv6 or security policies: those are refused naming the field.
struct AccessConfigBody: Sendable {
    /// GCE's default access-config name, and the one every access config reports.
    static let defaultName = "External NAT"

    let name: String
    let natIP: String?

    static let outputOnly: Set<String> = ["kind"]

    init(_ body: BodyValue, at path: String) throws(GCEError) {
        try body.refuseUnsupported("type", at: "\(path).type", accepting: ["ONE_TO_ONE_NAT"])
        try body.refuseUnsupported("networkTier", at: "\(path).networkTier", accepting: ["PREMIUM"])
        try body.refuseUnsupported("setPublicPtr", at: "\(path).setPublicPtr", accepting: ["false"])
        try body.refuseMembers(except: ["type", "name", "natIP", "networkTier", "setPublicPtr"], outputOnly: Self.outputOnly, at: path)
        let name = try body.string("name", at: "\(path).name") ?? Self.defaultName
        guard !name.isEmpty, name.utf8.count <= 63 else {
            throw GCEError.invalid("Invalid value for field '\(path).name': '\(name.prefix(64))'")
        }
        self.name = name
        natIP = try body.string("natIP", at: "\(path).natIP").flatMap { $0.isEmpty ? nil : $0 }
        if let natIP, !IPv4Text.isValid(natIP) {
            throw GCEError.invalid("Invalid value for field '\(path).natIP': '\(natIP.prefix(64))'. Must be an IPv4 address")
        }
    }
}

/// The `networkInterface` query parameter: `nic<N>`, whose index is the NIC's position in CloudStack's list.
enum NetworkInterfaceName {
    static func index(_ request: MethodRequest) throws(GCEError) -> Int {
        guard let text = request.query["networkInterface"], !text.isEmpty else { throw GCEError.required("networkInterface") }
        guard text.hasPrefix("nic"), text.count <= 4, let index = Int(text.dropFirst(3)), index >= 0, String(index) == text.dropFirst(3)
        else { throw GCEError.invalid("Invalid value for field 'networkInterface': '\(text.prefix(64))'") }
        return index
    }
}
