import CloudStack

/// EC2 instance type names for CloudStack service offerings, both ways.
///
/// Configured names (`t3.micro` → an offering name or id) come first; every other offering is
/// exposed as `cs.<name>` with the name lower-cased and runs of other characters turned into `-`
/// (`Small Instance` → `cs.small-instance`), which stays the same as long as the offering's name does.
/// RunInstances also accepts an offering's own name or id as the type.
struct InstanceTypeNames: Sendable {
    let configured: [String: String]
    /// `configured` in name order, sorted once: a DescribeInstances names every VM's type.
    private let ordered: [(type: String, target: String)]

    init(configured: [String: String]) {
        self.configured = configured
        ordered = configured.sorted { $0.key < $1.key }.map { (type: $0.key, target: $0.value) }
    }

    /// The EC2 type name of an offering.
    func name(of offering: ServiceOffering) -> String {
        name(offeringID: offering.id, offeringName: offering.name)
    }

    /// The EC2 type name from an offering's id and name (as a VM reports them).
    func name(offeringID: String?, offeringName: String?) -> String {
        for (type, target) in ordered where target == offeringID || (offeringName != nil && target == offeringName) {
            return type
        }
        return Self.derived(offeringName ?? offeringID ?? "unknown")
    }

    /// The offering an EC2 type name designates, among `offerings`.
    func offering(for type: String, in offerings: [ServiceOffering]) -> ServiceOffering? {
        if let target = configured[type] {
            return offerings.first { $0.id == target } ?? offerings.first { $0.name == target }
        }
        // The offering's own name or id are accepted too (`ec2.instanceTypes` documents unlisted types as offering names),
        // and its `cs.` name even once it has a configured one, so names handed out before keep launching.
        return offerings.first { name(of: $0) == type } ?? offerings.first { $0.name == type } ?? offerings.first { $0.id == type }
            ?? offerings.first { $0.name.map(Self.derived) == type }
    }

    /// `cs.` plus the lower-cased name with other runs of characters as `-`.
    static func derived(_ name: String) -> String {
        derivedASCII(name) ?? derivedUnicode(name)
    }

    /// `derived` through Unicode lower-casing.
    static func derivedUnicode(_ name: String) -> String {
        var out = "cs."
        var dash = false
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if dash && out.count > 3 { out.append("-") }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out
    }

    /// `derived` for an all-ASCII name, byte by byte (other names go through Unicode lower-casing,
    /// which can turn a non-ASCII letter into an ASCII one).
    static func derivedASCII(_ name: String) -> String? {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var out: [UInt8] = Array("cs.".utf8)
        out.reserveCapacity(name.utf8.count + 3)
        var dash = false
        for byte in name.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                if dash && out.count > 3 { out.append(UInt8(ascii: "-")) }
                dash = false
                out.append(lower)
            } else {
                dash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
