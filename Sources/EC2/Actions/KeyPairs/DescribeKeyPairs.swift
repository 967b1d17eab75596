import CloudStack

/// `DescribeKeyPairs` [listSSHKeyPairs]: fingerprints are CloudStack's (MD5 of the OpenSSH public key
/// blob, as `ssh-keygen -l -E md5` prints), the same Create and Import answer. CloudStack does not hand
/// the public key back, so `IncludePublicKey=true` is refused.
enum DescribeKeyPairs: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let keyNames: [String]?
        let keyPairIds: [String]?
        let filters: [Filter]?
        let includePublicKey: Bool?
        enum CodingKeys: String, CodingKey {
            case keyNames = "KeyName"
            case keyPairIds = "KeyPairId"
            case filters = "Filter"
            case includePublicKey = "IncludePublicKey"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let keySet: [KeyPairInfoView]
        static let templateFields: TemplateFields<Self> = ["keySet": .list(\.keySet)]
    }

    static let name = "DescribeKeyPairs"

    static let filterTable = FilterTable<KeyPairInfoView>(
        [
            "key-name": .init(pushdown: true) { [$0.keyName] },
            "fingerprint": .init { [$0.keyFingerprint] },
            "key-pair-id": .init { [$0.keyPairId] },
            "key-type": .init { [$0.keyType] },
        ], tags: { _ in [] })  // EC2 documents tag filters here; CloudStack key pairs carry no tags, so they match nothing.

    static func validate(_ input: Input) throws(EC2Error) {
        if input.includePublicKey == true {
            throw EC2Error.unsupportedOperation("IncludePublicKey=true cannot be honoured: CloudStack does not return public keys.")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        var parameters = Parameters()
        if let names = input.keyNames, names.count == 1 { parameters["name"] = names[0] }
        let pairs = try await context.list(CommandTable.listSSHKeyPairs, parameters)
        var views = pairs.map { pair in
            KeyPairInfoView(keyPairId: KeyPairInfoView.id(pair), keyName: pair.name ?? "", keyFingerprint: pair.fingerprint ?? "")
        }
        if let names = input.keyNames, !names.isEmpty {
            for name in names where !views.contains(where: { $0.keyName == name }) {
                throw EC2Error.keyPairNotFound(XMLSafeName.clip(name))
            }
            views = views.filter { names.contains($0.keyName) }
        }
        if let ids = input.keyPairIds, !ids.isEmpty {
            for id in ids where !views.contains(where: { $0.keyPairId == id }) {
                throw EC2Error(code: "InvalidKeyPair.NotFound", message: "The key pair '\(XMLSafeName.clip(id))' does not exist")
            }
            views = views.filter { ids.contains($0.keyPairId) }
        }
        return Output(keySet: filters.apply(views).sorted { $0.keyName < $1.keyName })
    }
}
