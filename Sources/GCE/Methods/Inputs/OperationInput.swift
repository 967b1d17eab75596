/// The input of `get`, `wait` and `delete` on a zonal, regional or global operation: its scope and decoded name.
struct OperationInput: Sendable {
    /// Where the path says the operation lives.
    let scope: OperationScope
    /// The operation's name as given.
    let text: String
    /// What the name encodes (kind, job or finish time, target).
    let name: OperationName

    /// 404 for a name that is not one of the bridge's or whose kind lives in another scope, as GCE answers.
    init(_ request: MethodRequest) throws(GCEError) {
        scope = try OperationInput.scope(request)
        text = try request.parameter("operation")
        // Instance operations are zonal, image and project ones global, none regional.
        guard let name = OperationName(text), name.kind.scopeMatches(scope) else {
            throw GCEError.notFound(OperationInput.path(project: request.project, text, scope))
        }
        self.name = name
    }

    /// The scope from the path: `zone`, `region` or global; 400 for a malformed zone or region name.
    static func scope(_ request: MethodRequest) throws(GCEError) -> OperationScope {
        if request.path["zone"] != nil { return .zone(try request.name("zone")) }
        if request.path["region"] != nil { return .region(try request.name("region")) }
        return .global
    }

    /// `projects/<p>/<scope>/operations/<name>`, for not-found errors.
    static func path(project: String, _ name: String, _ scope: OperationScope) -> String {
        switch scope {
        case .zone(let zone): "projects/\(project)/zones/\(zone)/operations/\(name)"
        case .region(let region): "projects/\(project)/regions/\(region)/operations/\(name)"
        case .global: "projects/\(project)/global/operations/\(name)"
        }
    }
}
