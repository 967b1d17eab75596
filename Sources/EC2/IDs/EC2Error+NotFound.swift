extension EC2Error {
    /// The kind's NotFound error for one or more ids, in EC2's message style
    /// (`The instance ID 'i-…' does not exist`, `The instance IDs 'i-1, i-2' do not exist`).
    public static func notFound(_ kind: ResourceKind, ids: [String]) -> EC2Error {
        let list = ids.joined(separator: ", ")
        let message =
            ids.count == 1
            ? "The \(kind.noun) '\(list)' does not exist" : "The \(kind.noun)s '\(list)' do not exist"
        return EC2Error(code: kind.notFoundCode, message: message)
    }

    /// `InvalidKeyPair.NotFound`: key pairs are named, not id'd.
    public static func keyPairNotFound(_ name: String) -> EC2Error {
        EC2Error(code: "InvalidKeyPair.NotFound", message: "The key pair '\(name)' does not exist")
    }
}
