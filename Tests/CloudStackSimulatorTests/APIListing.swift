import Foundation
import TestSupport

/// One response field of listApis.json, with its nested fields for list/set/object types.
struct APIField {
    let type: String
    let nested: [String: APIField]
}

/// One command of listApis.json.
struct APICommand {
    let name: String
    let isAsync: Bool
    let params: [String: (type: String, required: Bool)]
    let response: [String: APIField]
}

/// CloudStack 4.18's listApis.json, from the repository's fixtures (`Tests/Fixtures/README.md`).
enum APIListing {
    static let path: URL = Fixtures.listApis

    static let samples: URL = Fixtures.cloudstackDirectory.appendingPathComponent("samples")

    static let commands: [String: APICommand] = {
        guard let root = try? JSONSerialization.jsonObject(with: Fixtures.required(path)) as? [String: Any],
            let apis = (root["listapisresponse"] as? [String: Any] ?? root)["api"] as? [[String: Any]], !apis.isEmpty
        else { fatalError("\(path.path) is not a listApis answer") }
        var out: [String: APICommand] = [:]
        for api in apis {
            guard let name = api["name"] as? String else { continue }
            var params: [String: (String, Bool)] = [:]
            for p in api["params"] as? [[String: Any]] ?? [] {
                if let n = p["name"] as? String { params[n.lowercased()] = (p["type"] as? String ?? "", p["required"] as? Bool ?? false) }
            }
            out[name] = APICommand(
                name: name, isAsync: api["isasync"] as? Bool ?? false, params: params,
                response: fields(api["response"] as? [[String: Any]] ?? []))
        }
        return out
    }()

    static func fields(_ list: [[String: Any]]) -> [String: APIField] {
        var out: [String: APIField] = [:]
        for f in list {
            guard let n = f["name"] as? String else { continue }
            out[n] = APIField(type: f["type"] as? String ?? "", nested: fields(f["response"] as? [[String: Any]] ?? []))
        }
        return out
    }

    /// Whether a JSON value may stand for a listApis type.
    static func compatible(_ value: JSONValue, _ type: String) -> Bool {
        let numeric = ["integer", "long", "int", "short", "double", "float"]
        switch value {
        case .bool: return type == "boolean"
        case .int: return numeric.contains(type)
        case .double: return ["double", "float"].contains(type)
        case .string: return !numeric.contains(type) && !["boolean", "list", "set", "map"].contains(type)
        case .array: return ["list", "set"].contains(type) || type.hasSuffix("[]")
        case .object: return ["map", "responseobject", "list", "set"].contains(type) || type.hasSuffix("response")
        case .null: return false
        }
    }

    /// Problems with an object's fields against the declared ones, recursively.
    static func check(_ object: [String: JSONValue], against fields: [String: APIField], path: String) -> [String] {
        var problems: [String] = []
        for (key, value) in object {
            guard let field = fields[key] else {
                problems.append("\(path).\(key) is not a listApis field")
                continue
            }
            if !compatible(value, field.type) { problems.append("\(path).\(key) \(value) is not a \(field.type)") }
            guard !field.nested.isEmpty else { continue }
            for (index, element) in (value.array ?? [value]).enumerated() {
                if let nested = element.object {
                    problems += check(nested, against: field.nested, path: "\(path).\(key)[\(index)]")
                }
            }
        }
        return problems
    }
}
