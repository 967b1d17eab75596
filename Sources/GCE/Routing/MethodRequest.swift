import Pipeline

/// What `decode` reads: the routed request's path parameters, query and body. Nothing here reaches CloudStack.
struct MethodRequest: Sendable {
    /// Path parameters (`project`, `zone`, `instance`, ...), percent-decoded.
    let path: [String: String]
    /// Query parameters.
    let query: FormFields
    /// The request body (JSON for inserts and set* methods).
    let body: [UInt8]
    /// The names the method's body schema has (from the discovery document); nil skips the check.
    var members: RequestMembers? = nil

    /// The project named in the path.
    var project: String { path["project"] ?? "" }

    /// A required path parameter.
    func parameter(_ name: String) throws(GCEError) -> String {
        guard let value = path[name], !value.isEmpty else { throw .required(name) }
        return value
    }

    /// A path parameter naming a resource: a GCE name or a numeric id, as the discovery document's parameter
    /// patterns allow (`[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?|[1-9][0-9]{0,19}`); 400 for anything else.
    func name(_ parameter: String) throws(GCEError) -> String {
        let value = try self.parameter(parameter)
        guard ResourceNames.isValid(value) || ResourceID.isNumeric(value) else {
            throw GCEError.invalid(
                "Invalid value for field '\(parameter)': '\(value.prefix(128))'. Must be a match of regex "
                    + "'[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?|[1-9][0-9]{0,19}'")
        }
        return value
    }

    /// `maxResults`, `pageToken`, `filter` and `orderBy`, parsed and checked.
    func listOptions() throws(GCEError) -> ListOptions { try ListOptions(query) }

    /// The JSON body, read once into a bounded tree for the method's typed reader; a member its schema does
    /// not have, at any depth, is a 400 (`RequestMembers`).
    func json() throws(GCEError) -> BodyValue {
        let value = try BodyValue.parse(body)
        try members?.check(body: value)
        return value
    }
}
