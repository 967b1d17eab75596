import CloudStack

/// An image's `deprecated` status, kept as CloudStack template tags (CloudStack has no such state):
/// `gce-deprecated` (the state), `gce-deprecated-replacement`, `gce-deprecated-deprecated`, `gce-deprecated-obsolete`
/// and `gce-deprecated-deleted` (Google's informational timestamps). ACTIVE is the absence of these tags.
enum ImageDeprecations {
    static let stateKey = "gce-deprecated"
    static let states = ["ACTIVE", "DEPRECATED", "OBSOLETE", "DELETED"]

    /// The status the tags hold; nil when the image is ACTIVE.
    static func read(_ tags: [CloudStack.Tag]) -> ImageDeprecation? {
        func value(_ key: String) -> String? { tags.first { $0.key == key }?.value }
        guard let state = value(stateKey), state != "ACTIVE" else { return nil }
        return ImageDeprecation(
            state: state, replacement: value(stateKey + "-replacement"), deprecated: value(stateKey + "-deprecated"),
            obsolete: value(stateKey + "-obsolete"), deleted: value(stateKey + "-deleted"))
    }

    /// The tag keys a status may use (to delete before writing new ones).
    static func keys(_ tags: [CloudStack.Tag]) -> [String] {
        tags.compactMap(\.key).filter { $0 == stateKey || $0.hasPrefix(stateKey + "-") }
    }

    /// The tags for a status (none for ACTIVE). CloudStack refuses empty tag values, so absent fields have no tag.
    static func tags(for status: ImageDeprecation) -> [(key: String, value: String)] {
        guard status.state != "ACTIVE" else { return [] }
        var out: [(key: String, value: String)] = [(stateKey, status.state)]
        for (suffix, value) in [
            ("replacement", status.replacement), ("deprecated", status.deprecated), ("obsolete", status.obsolete),
            ("deleted", status.deleted),
        ] {
            if let value, !value.isEmpty { out.append((stateKey + "-" + suffix, value)) }
        }
        return out
    }
}
