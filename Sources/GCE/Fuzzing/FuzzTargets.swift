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
}
