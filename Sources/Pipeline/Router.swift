/// Tells the APIs apart from the request line (and, for EC2 POSTs, the form body).
///
/// EC2 Query: `Action=` in the GET query or the POST form, at `/` or a configured path.
/// GCE: `/compute/v1/...`; its OAuth2 endpoints: `/oauth2/...`, `/o/oauth2/...`, `/token`; its discovery
/// document: `/discovery/...`.
/// Anything else is `.none` (404).
public struct Router: Sendable {
    /// Paths (besides `/`) at which EC2 Query requests are accepted.
    public let ec2Paths: Set<String>

    /// Creates a router; `ec2Path` is the configurable extra EC2 path, e.g. `/services/Cloud`.
    public init(ec2Paths: [String] = []) {
        var paths: Set<String> = ["/"]
        for path in ec2Paths where !path.isEmpty {
            paths.insert(path)
        }
        self.ec2Paths = paths
    }

    /// The API a request belongs to.
    public func api(for request: Request) -> API {
        let path = request.path
        if path.hasPrefix("/compute/v1/") || path == "/compute/v1" { return .gce }
        if path.hasPrefix("/oauth2/") || path.hasPrefix("/o/oauth2/") || path == "/token" { return .oauth }
        if path.hasPrefix("/discovery/") { return .discovery }
        if path == "/batch/compute/v1" || path == "/batch" { return .batch }
        if ec2Paths.contains(String(path)) {
            if Router.hasActionParameter(request.rawQuery.utf8) { return .ec2 }
            if request.method == .post && request.hasFormBody && Router.hasActionParameter(request.body[...]) {
                return .ec2
            }
        }
        return .none
    }

    /// Whether `Action=` starts one of the `&`-separated fields (case-sensitive, as EC2 is).
    static func hasActionParameter<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        let action = Array("Action=".utf8)
        var atFieldStart = true
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if atFieldStart {
                var probe = index
                var matched = 0
                while matched < action.count, probe != bytes.endIndex, bytes[probe] == action[matched] {
                    matched += 1
                    probe = bytes.index(after: probe)
                }
                if matched == action.count { return true }
            }
            atFieldStart = bytes[index] == UInt8(ascii: "&")
            index = bytes.index(after: index)
        }
        return false
    }
}
