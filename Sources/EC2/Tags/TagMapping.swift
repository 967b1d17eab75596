import CloudStack

/// EC2 tags to CloudStack tags and back, and EC2's limits on them.
///
/// CloudStack refuses an empty value ("Value for the key … is either null or empty") while EC2 allows
/// one, so an empty EC2 value is stored as `emptyValue` and shown as empty again; a client may not
/// set that exact value itself. Internal gateway tags (`stackbridge:`) are never shown.
enum TagMapping {
    /// What CloudStack stores for an empty EC2 value.
    static let emptyValue = InternalTags.prefix + "empty"
    /// EC2's limit of user tags on one resource.
    static let perResourceLimit = 50
    /// EC2's longest key, in Unicode characters.
    static let maxKeyLength = 128
    /// EC2's longest value, in Unicode characters.
    static let maxValueLength = 256

    /// The CloudStack value for an EC2 value.
    static func cloudStack(_ value: String) -> String { value.isEmpty ? emptyValue : value }

    /// The EC2 value for a CloudStack value.
    static func ec2(_ value: String?) -> String {
        guard let value, value != emptyValue else { return "" }
        return value
    }

    /// The tags of a CloudStack resource as EC2 shows them: internal ones left out, empty values restored.
    static func views(_ tags: [Tag]) -> [TagView] {
        tags.compactMap { tag in
            guard let key = tag.key, !InternalTags.isInternal(key) else { return nil }
            return TagView(key: key, value: ec2(tag.value))
        }
    }

    /// Refuses keys a caller may not set or delete: empty, over 128 characters, `aws:` or the gateway's own prefix.
    static func checkKey(_ key: String) throws(EC2Error) {
        guard !key.isEmpty else {
            throw EC2Error.invalidParameterValue("Value ( '' ) for parameter Tag key is invalid. Tag key cannot be null or empty.")
        }
        guard key.unicodeScalars.count <= maxKeyLength else {
            throw EC2Error.invalidParameterValue("Tag keys must be between 1 and 128 characters long.")
        }
        if key.hasPrefix("aws:") || InternalTags.isInternal(key) {
            throw EC2Error.invalidParameterValue(
                "Tag keys starting with 'aws:' or '\(InternalTags.prefix)' are reserved for internal use.")
        }
    }

    /// Refuses values over 256 characters and the one value that stands for an empty value.
    static func checkValue(_ value: String) throws(EC2Error) {
        guard value.unicodeScalars.count <= maxValueLength else {
            throw EC2Error.invalidParameterValue("Tag values must be at most 256 characters long.")
        }
        guard value != emptyValue else {
            throw EC2Error.invalidParameterValue("The tag value '\(emptyValue)' is reserved by the gateway.")
        }
    }
}
