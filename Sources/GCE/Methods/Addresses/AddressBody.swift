/// The `Address` resource of `addresses.insert`, as far as CloudStack can honour it: `name`, `description`,
/// `labels`, `address` (a specific public IP) and the defaults `addressType: EXTERNAL`, `ipVersion: IPV4`,
/// `networkTier: PREMIUM`. Output-only members are ignored as Google ignores them; everything else (INTERNAL
/// addresses, IPv6, purposes, prefixes, other tiers, networks and subnetworks) is refused naming it.
struct AddressBody: Sendable {
    let name: String
    let description: String?
    let address: String?
    let labels: [(key: String, value: String)]

    static let outputOnly: Set<String> = [
        "kind", "id", "creationTimestamp", "selfLink", "status", "region", "users", "labelFingerprint",
    ]

    init(_ request: MethodRequest) throws(GCEError) {
        let body = try request.json().requireObject()
        try body.refuseUnsupported("addressType", at: "resource.addressType", accepting: ["EXTERNAL"])
        try body.refuseUnsupported("ipVersion", at: "resource.ipVersion", accepting: ["IPV4"])
        try body.refuseUnsupported("networkTier", at: "resource.networkTier", accepting: ["PREMIUM"])
        try body.refuseMembers(
            except: ["name", "description", "address", "labels", "addressType", "ipVersion", "networkTier"], outputOnly: Self.outputOnly,
            at: "resource")
        name = try body.requiredString("name", at: "resource.name")
        guard ResourceNames.isValid(name) else { throw GCEError.invalid("Invalid value for field 'resource.name': '\(name.prefix(128))'") }
        description = try body.string("description", at: "resource.description")
        if let description, description.utf8.count > 2048 {
            throw GCEError.invalid("Invalid value for field 'resource.description': longer than 2048 characters")
        }
        address = try body.string("address", at: "resource.address")
        if let address, !IPv4Text.isValid(address) {
            throw GCEError.invalid("Invalid value for field 'resource.address': '\(address.prefix(64))'. Must be an IPv4 address")
        }
        labels = try body.stringMap("labels", at: "resource.labels")
        try Labels.validate(labels)
    }

    /// The tags the new public IP carries: its name, the labels, and the description as `gce-description`.
    var tags: [(key: String, value: String)] {
        var tags = labels
        tags.append((AddressTags.name, name))
        if let description, !description.isEmpty { tags.append(("gce-description", description)) }
        return tags
    }
}

/// Dotted-quad IPv4 text, as CloudStack's `ipaddress` parameters take it.
enum IPv4Text {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (UInt16(part) ?? 256) <= 255
                    && (part.count == 1 || part.first != "0")
            }
    }
}
