extension EC2ID {
    /// The CloudStack UUID inside an id the gateway issued (any kind), or `""` if it is not one.
    static func uuid(of id: String) -> String {
        guard let dash = id.firstIndex(of: "-"), let kind = ResourceKind.allCases.first(where: { $0.prefix == id[...dash] }),
            let parsed = try? EC2ID.parse(id, as: kind)
        else { return "" }
        return parsed.cloudStackUUID
    }
}
