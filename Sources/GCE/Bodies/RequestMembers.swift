/// The names a method's request may carry, per the served discovery document: its query parameters (the
/// standard ones and the method's own) and, at every depth, the member names of its body schema. Built once at
/// start-up; a request check is a few small array scans, no dictionary built per request.
///
/// A name the schema does not have is refused as Google refuses it (`Unknown name "x" at 'instance': Cannot find
/// field.`). A name the schema has but CloudStack cannot honour is refused by the method's `decode`
/// (`BodyValue.refuseUnsupported`), naming the field; output-only members that clients send back from a get
/// (`id`, `kind`, `selfLink`, `creationTimestamp`, `status`, fingerprints) are in the schema and pass.
struct RequestMembers: Sendable {
    /// Schema name -> its properties, each with the schema of an object or array-of-objects value.
    struct Schemas: Sendable {
        let properties: [String: [(name: String, child: String?)]]
    }

    /// Query parameter names the method takes besides the standard ones (`requestId`, `filter`, ...).
    let query: [String]
    /// The standard parameters every method takes (`alt`, `fields`, `access_token`, ...).
    let standard: [String]
    /// The body's schema (`Instance`), nil for methods without a request body.
    let body: String?
    let schemas: Schemas

    /// Every method's members, by discovery method id, read from the served document.
    static func table(_ document: BodyValue) -> [String: RequestMembers] {
        var schemas: [String: [(name: String, child: String?)]] = [:]
        for (name, schema) in document["schemas"]?.members ?? [] {
            schemas[name] = (schema["properties"]?.members ?? []).map { property, spec in
                (property, (spec["$ref"] ?? spec["items"]?["$ref"])?.string)
            }
        }
        let shared = Schemas(properties: schemas)
        let standard = (document["parameters"]?.members ?? []).map(\.0)
        var table: [String: RequestMembers] = [:]
        for (_, resource) in document["resources"]?.members ?? [] {
            for (_, method) in resource["methods"]?.members ?? [] {
                guard let id = method["id"]?.string else { continue }
                let query = (method["parameters"]?.members ?? []).filter { $0.1["location"]?.string == "query" }.map(\.0)
                table[id] = RequestMembers(query: query, standard: standard, body: method["request"]?["$ref"]?.string, schemas: shared)
            }
        }
        return table
    }

    /// 400 for a query parameter that is neither standard nor the method's (`$`-prefixed system forms of the
    /// standard ones, such as google-cloud-compute's `$alt`, are standard).
    func check(query fields: FormFields) throws(GCEError) {
        for (name, _) in fields.pairs {
            let plain = name.hasPrefix("$") && name != "$.xgafv" ? String(name.dropFirst()) : name
            guard !standard.contains(plain), !query.contains(name) else { continue }
            throw GCEError.invalid(
                "Invalid JSON payload received. Unknown name \"\(name.prefix(64))\": Cannot bind query parameter. "
                    + "Field '\(name.prefix(64))' could not be found in request message.")
        }
    }

    /// 400 for a body member, at any depth, that the body's schema does not have.
    func check(body value: BodyValue) throws(GCEError) {
        guard let body else { return }
        try check(value, schema: body, at: (body.first?.lowercased() ?? "") + body.dropFirst())
    }

    private func check(_ value: BodyValue, schema: String, at path: String) throws(GCEError) {
        guard case .object(let members) = value, let properties = schemas.properties[schema] else { return }
        for (key, member) in members {
            guard let property = properties.first(where: { $0.name == key }) else {
                throw GCEError.invalid("Invalid JSON payload received. Unknown name \"\(key.prefix(64))\" at '\(path)': Cannot find field.")
            }
            guard let child = property.child else { continue }
            switch member {
            case .object: try check(member, schema: child, at: "\(path).\(key)")
            case .array(let items):
                for (index, item) in items.enumerated() { try check(item, schema: child, at: "\(path).\(key)[\(index)]") }
            default: continue
            }
        }
    }
}

extension BodyValue {
    /// 400 naming `path` when member `name` is present with anything but one of its no-op values (`accepted`, or
    /// null): a field of the schema that this CloudStack cloud cannot honour, never silently dropped.
    func refuseUnsupported(_ name: String, at path: String, accepting accepted: [String] = []) throws(GCEError) {
        guard let value = self[name] else { return }
        switch value {
        case .null: return
        case .bool(let flag) where accepted.contains(flag ? "true" : "false"): return
        case .string(let text) where accepted.contains(text): return
        case .number(let text) where accepted.contains(text): return
        case .object(let members) where members.isEmpty && accepted.contains("{}"): return
        case .array(let items) where items.isEmpty && accepted.contains("[]"): return
        default: throw GCEError.unsupported(path)
        }
    }
}

extension GCEError {
    /// A schema field StackBridge cannot map to CloudStack: 400 naming it.
    static func unsupported(_ path: String) -> GCEError {
        let field = path.split(separator: ".").last.map(String.init) ?? path
        return GCEError.invalid("Invalid value for field '\(path)': \(field) is not supported by this CloudStack cloud")
    }
}
