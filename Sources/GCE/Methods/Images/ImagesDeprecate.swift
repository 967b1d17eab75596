import Pipeline

/// `compute.images.deprecate` [deleteTags, createTags resourcetype=Template]: the `DeprecationStatus` is kept in
/// template tags (`ImageDeprecations`), so images.get and images.list show `deprecated` and getFromFamily skips the
/// image. The state is informational, as Google's: CloudStack still deploys a DEPRECATED, OBSOLETE or DELETED image.
enum ImagesDeprecate: GCEMethod {
    static let id = "compute.images.deprecate"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/images/{image}/deprecate"

    /// The image and its new status.
    struct Input: Sendable {
        let name: String
        let status: ImageDeprecation
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let name = try request.name("image")
        let body = try request.json().requireObject()
        if case .object(let members) = body {
            for (key, _) in members where !["state", "replacement", "deprecated", "obsolete", "deleted"].contains(key) {
                throw GCEError.invalid("Invalid JSON payload received. Unknown name \"\(key.prefix(64))\"")
            }
        }
        let state = try body.string("state", at: "deprecationStatus.state") ?? "ACTIVE"
        guard ImageDeprecations.states.contains(state) else {
            throw GCEError.invalid("Invalid value for field 'deprecationStatus.state': '\(state.prefix(64))'")
        }
        let replacement = try body.string("replacement", at: "deprecationStatus.replacement")
        if let replacement {
            _ = try ResourceReference.name(replacement, field: "deprecationStatus.replacement")
            guard replacement.utf8.count <= 255 else {
                throw GCEError.invalid("Invalid value for field 'deprecationStatus.replacement': longer than 255 characters")
            }
        }
        var times: [String?] = []
        for field in ["deprecated", "obsolete", "deleted"] {
            let value = try body.string(field, at: "deprecationStatus.\(field)")
            if let value, value.isEmpty == false, !isRFC3339(value) {
                throw GCEError.invalid(
                    "Invalid value for field 'deprecationStatus.\(field)': '\(value.prefix(64))'. Expected an RFC 3339 timestamp")
            }
            times.append(value)
        }
        return Input(
            name: name,
            status: ImageDeprecation(state: state, replacement: replacement, deprecated: times[0], obsolete: times[1], deleted: times[2]))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let image = try await context.image(input.name)
        let id = image.row.id ?? ""
        if let replacement = input.status.replacement { _ = try await context.sourceImage(replacement) }
        let job = try await context.replaceTags(
            on: id, type: "Template", oldKeys: ImageDeprecations.keys(image.row.tags), newTags: ImageDeprecations.tags(for: input.status))
        guard let job else { return context.done(.imageDeprecate, target: id, scope: .global, targetName: image.name) }
        return context.started(.imageDeprecate, job: job, target: id, scope: .global, targetName: image.name)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    static func isRFC3339(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= b.count && b[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard b.count >= 20, digits(0..<4), b[4] == 0x2D, digits(5..<7), b[7] == 0x2D, digits(8..<10), b[10] == 0x54 || b[10] == 0x74,
            digits(11..<13), b[13] == 0x3A, digits(14..<16), b[16] == 0x3A, digits(17..<19)
        else { return false }
        var i = 19
        if b[i] == 0x2E {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > start, i < b.count else { return false }
        }
        if b[i] == 0x5A || b[i] == 0x7A { return i + 1 == b.count }
        guard b[i] == 0x2B || b[i] == 0x2D, i + 6 == b.count, digits((i + 1)..<(i + 3)), b[i + 3] == 0x3A else { return false }
        return digits((i + 4)..<(i + 6))
    }
}
