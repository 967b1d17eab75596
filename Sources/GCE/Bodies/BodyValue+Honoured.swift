extension BodyValue {
    /// 400 naming `<path>.<member>` for the first member that is neither `honoured` nor `outputOnly` (and not null):
    /// a schema field the bridge cannot map to CloudStack, never silently dropped.
    func refuseMembers(except honoured: Set<String>, outputOnly: Set<String>, at path: String) throws(GCEError) {
        guard case .object(let members) = self else { return }
        for (key, value) in members where !honoured.contains(key) && !outputOnly.contains(key) {
            if case .null = value { continue }
            throw GCEError.unsupported("\(path).\(key.prefix(64))")
        }
    }
}
