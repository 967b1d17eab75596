import CloudStack

/// `TagSpecification.N` as every EC2 create action takes it: a `ResourceType` and `Tag.N.Key`/`Value`.
///
/// Each action names the resource types it creates; a specification for any other type is refused
/// naming it (EC2: "'volume' is not a valid taggable resource type for this operation"), never dropped.
struct TagSpecification: Decodable, Sendable {
    /// `Tag.N`.
    struct Tag: Decodable, Sendable {
        let key: String
        let value: String?
        enum CodingKeys: String, CodingKey {
            case key = "Key"
            case value = "Value"
        }
    }
    let resourceType: String?
    let tags: [Tag]?
    enum CodingKeys: String, CodingKey {
        case resourceType = "ResourceType"
        case tags = "Tag"
    }

    /// The tags `specifications` ask for on `resourceType`, checked.
    ///
    /// - `allowed`: the EC2 resource types this action creates (`instance`, `volume`, ...); a
    ///   specification without `ResourceType` applies to `resourceType`.
    /// - Keys starting with `aws:` or the gateway's internal prefix are refused, as are empty keys.
    static func tags(
        _ specifications: [TagSpecification]?, for resourceType: String, allowed: Set<String>
    ) throws(EC2Error) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        for specification in specifications ?? [] {
            let type = specification.resourceType ?? resourceType
            guard allowed.contains(type) else {
                throw EC2Error.invalidParameterValue(
                    "'\(XMLSafeName.clip(type))' is not a valid taggable resource type for this operation.")
            }
            guard type == resourceType else { continue }
            for tag in specification.tags ?? [] {
                try checkKey(tag.key)
                result.append((tag.key, tag.value ?? ""))
            }
        }
        return result
    }

    /// Refuses keys a caller may not set: empty, over 128 characters, `aws:` or the gateway's own prefix.
    static func checkKey(_ key: String) throws(EC2Error) {
        guard !key.isEmpty, key.count <= 128 else {
            throw EC2Error.invalidParameterValue("Tag keys must be between 1 and 128 characters long.")
        }
        if key.hasPrefix("aws:") || InternalTags.isInternal(key) {
            throw EC2Error.invalidParameterValue("Tag keys starting with 'aws:' or '\(InternalTags.prefix)' are reserved.")
        }
    }
}

extension ActionContext {
    /// Tags CloudStack resources of one CloudStack resource type (`UserVm`, `Volume`, `Snapshot`,
    /// `Template`, ...) with `tags`; does nothing when there are none.
    func createTags(_ tags: [(key: String, value: String)], on cloudStackIDs: [String], resourceType: String) async throws(EC2Error) {
        guard !tags.isEmpty, !cloudStackIDs.isEmpty else { return }
        var parameters: Parameters = ["resourcetype": resourceType]
        parameters.setList("resourceids", cloudStackIDs)
        parameters.setTags(tags)
        _ = try await submit(CommandTable.createTags, parameters)
    }
}
