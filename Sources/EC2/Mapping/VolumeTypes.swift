import CloudStack

/// EC2 volume types and the CloudStack disk offerings behind them (`ec2.volumeTypes`).
///
/// CloudStack has disk offerings, not volume types. A configured entry maps a type to an offering
/// by name or id; with none configured, `gp2`, `gp3` and `standard` all use the zone's custom-size
/// offering (any size, as EC2's types allow), and the other types are refused.
struct VolumeTypes {
    /// Every `VolumeType` of the EC2 model, in the order used to name an offering mapped to several.
    static let all = ["gp2", "gp3", "standard", "io1", "io2", "st1", "sc1"]
    /// The types the default mapping sends to the custom-size offering.
    static let defaults: Set<String> = ["gp2", "gp3", "standard"]
    /// What a volume whose offering no type names is reported as.
    static let unmapped = "standard"
    /// What CreateVolume uses when no `VolumeType` is given (EC2's default).
    static let `default` = "gp2"

    let configured: [String: String]

    /// The disk offering for `type`, or EC2's error naming the type.
    func offering(for type: String, in offerings: [DiskOffering]) throws(EC2Error) -> DiskOffering {
        guard Self.all.contains(type) else {
            throw EC2Error.invalidParameterValue(
                "Value (\(XMLSafeName.clip(type))) for parameter volumeType is invalid. Expected one of: \(Self.all.joined(separator: ", "))."
            )
        }
        let found: DiskOffering?
        if configured.isEmpty {
            found = Self.defaults.contains(type) ? offerings.first { $0.iscustomized == true } : nil
        } else if let target = configured[type] {
            found = offerings.first { $0.id == target } ?? offerings.first { $0.name == target }
        } else {
            found = nil
        }
        guard let found, found.id != nil else {
            throw EC2Error.unsupportedOperation(
                "The volume type '\(type)' is not offered by this cloud (no disk offering is mapped to it).")
        }
        return found
    }

    /// The EC2 type of a volume on the offering `id`/`name`: `remembered` (the type it was created or
    /// modified with) while that still maps to the offering, else the first type mapped to it.
    func type(offeringID id: String?, offeringName name: String?, customized: Bool?, remembered: String?) -> String {
        let candidates = Self.all.filter { maps($0, toID: id, name: name, customized: customized) }
        if let remembered, candidates.contains(remembered) { return remembered }
        return candidates.first ?? Self.unmapped
    }

    /// Whether `type` maps to the offering `id`/`name`.
    func maps(_ type: String, toID id: String?, name: String?, customized: Bool?) -> Bool {
        guard id != nil || name != nil else { return false }
        if configured.isEmpty { return Self.defaults.contains(type) && customized == true }
        guard let target = configured[type] else { return false }
        return target == id || target == name
    }
}
