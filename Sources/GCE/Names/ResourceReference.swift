/// A resource named in a body by URL or partial URL (`zones/z/machineTypes/n1`, `global/images/family/f`), read in
/// `decode`: the name it ends in must be a GCE name or a numeric id, as a path parameter must.
enum ResourceReference {
    /// The last segment of `reference`; 400 naming `field` when it cannot name a resource (or is empty).
    static func name(_ reference: String, field: String) throws(GCEError) -> String {
        let name = reference.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        try check(name, in: reference, field: field)
        return name
    }

    /// 400 naming `field` unless `name`, a segment of `reference`, is a GCE name or a numeric id.
    static func check(_ name: some StringProtocol, in reference: String, field: String) throws(GCEError) {
        guard ResourceNames.isValid(name) || ResourceID.isNumeric(name) else {
            throw GCEError.invalid("Invalid value for field '\(field)': '\(reference.prefix(256))'")
        }
    }
}
