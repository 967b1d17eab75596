import CloudStack

/// The caller's SSH key pairs by name.
enum KeyPairLookup {
    /// Names EC2 accepts: up to 255 ASCII characters.
    static func validate(_ name: String) throws(EC2Error) {
        guard !name.isEmpty, name.utf8.count <= 255, name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw EC2Error.invalidParameterValue("Key pair names must be 1 to 255 printable ASCII characters.")
        }
    }

    /// The caller's key pair called `name`, if any.
    static func named(_ name: String, in context: ActionContext) async throws(EC2Error) -> SSHKeyPair? {
        try await context.list(CommandTable.listSSHKeyPairs, ["name": name], context: ErrorContext(keyPairName: name))
            .first { $0.name == name }
    }

    /// CloudStack key pairs carry no tags (key pairs are not a CloudStack taggable resource type): a
    /// `TagSpecification` with any tag is refused, naming it.
    static func refuseTags(_ specifications: [TagSpecification]?) throws(EC2Error) {
        guard let specifications, specifications.contains(where: { !($0.tags ?? []).isEmpty }) else { return }
        throw EC2Error.unsupportedOperation("TagSpecification cannot be honoured: CloudStack key pairs cannot be tagged.")
    }

    /// `InvalidKeyPair.Duplicate` with EC2's message.
    static func duplicate(_ name: String) -> EC2Error {
        EC2Error(code: "InvalidKeyPair.Duplicate", message: "The keypair '\(XMLSafeName.clip(name))' already exists.")
    }
}
