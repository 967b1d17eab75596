import CloudStack
import Pipeline

/// Entry points for the libFuzzer harness (`Tests/Fuzz`, docs/reliability.md "Fuzzing"): each takes raw
/// bytes from outside and runs one parser over them. A thrown error is a correct answer; only a crash,
/// a hang or a leak is a finding.
package enum FuzzTargets {
    /// `filter=` expressions (nesting, quoting, regular expressions).
    package static func filter(_ bytes: [UInt8]) {
        var parser = FilterParser(String(decoding: bytes, as: UTF8.self))
        _ = try? parser.parse()
    }

    /// `fields=` partial-response masks, applied to a small JSON document.
    package static func fieldMask(_ bytes: [UInt8]) {
        guard let selection = try? FieldSelection(String(decoding: bytes, as: UTF8.self)) else { return }
        _ = selection.apply(to: Array(#"{"items":[{"name":"a","id":"1","labels":{"k":"v"}}],"kind":"x"}"#.utf8))
    }

    /// OAuth form bodies and the redirect URIs they carry.
    package static func oauthForm(_ bytes: [UInt8]) {
        let fields = FormFields(bytes)
        let policy = RedirectPolicy(registered: ["https://app.example/cb"])
        for pair in fields.pairs { _ = policy.allows(pair.value) }
        _ = policy.allows(String(decoding: bytes, as: UTF8.self))
    }

    /// Sealed tokens (access, refresh, codes, key ids), opened with a fixed key as every kind.
    package static func sealedToken(_ bytes: [UInt8]) {
        guard let sealer = try? TokenSealer(key: Array(repeating: 7, count: 32)) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        for kind in [TokenClaims.Kind.access, .refresh, .authorizationCode, .serviceKey, .rsaServiceKey] {
            _ = sealer.open(text, as: kind)
        }
    }

    /// JWTs: RFC 7523 assertions and self-signed bearer tokens (base64url parts, header and claims JSON,
    /// the sealed `kid`, RS256 and HS256 signatures), on a fixed clock with no backend.
    package static func jwt(_ bytes: [UInt8]) {
        guard let jwtBearer else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? jwtBearer.verify(text)
        _ = jwtBearer.bearer(text)
    }

    private struct RefusingTransport: Transport {
        func send(_ request: OutboundRequest) async throws -> InboundResponse { throw TransportError.connectionReset }
    }

    private static let jwtBearer: JWTBearer? = {
        let clock = Clock(wallNanos: { 1_796_212_800_000_000_000 }, monotonicNanos: { 0 }, sleep: { _ in })
        let configuration = GCEConfiguration(publicBaseURL: "https://127.0.0.1:8443", tokenKey: Array(repeating: 7, count: 32))
        guard let sealer = try? TokenSealer(key: configuration.tokenKey) else { return nil }
        let client = CloudStackClient(transport: RefusingTransport(), environment: ClientEnvironment(clock: clock, random: { 0.5 }))
        return JWTBearer(service: TokenService(sealer: sealer, configuration: configuration, client: client, clock: clock))
    }()

    /// Batch bodies: multipart/mixed parts with their application/http requests, under small caps so the size and
    /// part-count refusals are reached too.
    package static func batch(_ bytes: [UInt8]) {
        let limits = MultipartBatch.Limits(maxParts: 8, maxPartBytes: 512, maxTotalBytes: 4096)
        _ = try? MultipartBatch(body: bytes, boundary: "b", limits: limits)
    }

    /// Method routing: the first byte picks the HTTP method, the rest is the path under `/compute/v1/`, matched
    /// against the method table's compiled templates (percent-decoding, empty and extra segments).
    package static func router(_ bytes: [UInt8]) {
        let methods: [HTTPMethod] = [.get, .post, .delete, .put, .patch, .head, .options, .other]
        let method = methods[Int(bytes.first ?? 0) % methods.count]
        let path = "/compute/v1/" + String(decoding: bytes.dropFirst(), as: UTF8.self)
        guard let (found, parameters) = methodRouter.route(method, path: Substring(path)) else { return }
        _ = try? found.decode(MethodRequest(path: parameters, query: FormFields([UInt8]()), body: []))
    }

    /// JSON request bodies decoded into the typed inputs: the first byte picks a body-taking method (0 is
    /// `instances.insert`), the rest is its body.
    package static func body(_ bytes: [UInt8]) {
        let method = bodyMethods[Int(bytes.first ?? 0) % bodyMethods.count]
        let path = ["project": "p", "zone": "z", "instance": "i"]
        _ = try? method.decode(MethodRequest(path: path, query: FormFields([UInt8]()), body: Array(bytes.dropFirst())))
    }

    private static let methodRouter = MethodRouter(MethodTable.all)

    /// The methods that take a request body, in a fixed order so that seed files keep their meaning.
    private static let bodyMethods: [Method] = [
        Method(InstancesInsert.self), Method(ImagesInsert.self), Method(InstancesSetLabels.self),
        Method(InstancesSetMetadata.self), Method(InstancesSetTags.self), Method(InstancesSetMachineType.self),
        Method(ProjectsSetCommonInstanceMetadata.self), Method(InstancesBulkInsert.self),
    ]
}
