/// What a sealed token carries: its kind, lifetime, grant and the CloudStack key pair it acts as.
///
/// Encoded as a small binary record before sealing; the whole record is encrypted, so the secret key never
/// travels or rests in clear.
struct TokenClaims: Sendable, Equatable, CustomStringConvertible {
    /// The token kinds; each is sealed with its own associated data, so one can never pass as another.
    enum Kind: UInt8, Sendable {
        case access = 1
        case refresh = 2
        case authorizationCode = 3
        /// A key id for the JWT-bearer grant: names the pair and the HS256 key that signs assertions.
        case serviceKey = 4
        /// A key id for RS256 service-account keys: names the pair and holds the public key (an SSH blob).
        case rsaServiceKey = 5
    }

    var kind: Kind
    var issuedAt: Int64
    var expiresAt: Int64
    /// Random id shared by every token of one grant (code, refresh and access tokens): revocation names it.
    var grantID: [UInt8]
    /// Random id of this token alone: single use of codes names it.
    var tokenID: [UInt8]
    var apiKey: String
    var secretKey: String
    var scope: String = ""
    /// Codes only: the redirect URI the code was issued for.
    var redirectURI: String = ""
    /// Codes only: the PKCE `code_challenge` and its method (`S256`, `plain`, or empty for none).
    var codeChallenge: String = ""
    var codeChallengeMethod: String = ""
    /// Service keys only: the HS256 key that signs JWT-bearer assertions.
    var signingKey: [UInt8] = []
    /// The CloudStack account the pair belongs to (empty when CloudStack would not say): the default project.
    var account: String = ""

    /// Never shows the secret key.
    var description: String { "TokenClaims(\(kind), apiKey: \(apiKey), expiresAt: \(expiresAt))" }

    /// The record: version 1, then fixed fields, then length-prefixed strings.
    func encoded() -> [UInt8] {
        var out: [UInt8] = [1, kind.rawValue]
        Self.append(UInt64(bitPattern: issuedAt), to: &out)
        Self.append(UInt64(bitPattern: expiresAt), to: &out)
        for field in [grantID, tokenID]
            + [apiKey, secretKey, scope, redirectURI, codeChallenge, codeChallengeMethod].map({ Array($0.utf8) }) + [
                signingKey, Array(account.utf8),
            ]
        {
            Self.append(UInt64(field.count), to: &out)
            out.append(contentsOf: field)
        }
        return out
    }

    /// Reads a record written by `encoded`; `nil` for anything else.
    init?(decoding bytes: [UInt8]) {
        guard bytes.count >= 18, bytes[0] == 1, let kind = Kind(rawValue: bytes[1]) else { return nil }
        var index = 2
        func number() -> UInt64? {
            guard index + 8 <= bytes.count else { return nil }
            var value: UInt64 = 0
            for i in index..<(index + 8) { value = value << 8 | UInt64(bytes[i]) }
            index += 8
            return value
        }
        func field() -> [UInt8]? {
            guard let length = number(), length <= UInt64(bytes.count - index) else { return nil }
            defer { index += Int(length) }
            return Array(bytes[index..<(index + Int(length))])
        }
        guard let issued = number(), let expires = number(), let grant = field(), let token = field(), let api = field(),
            let secret = field(), let scope = field(), let redirect = field(), let challenge = field(), let method = field(),
            let signing = field(), let account = field(), index == bytes.count
        else { return nil }
        self.kind = kind
        issuedAt = Int64(bitPattern: issued)
        expiresAt = Int64(bitPattern: expires)
        grantID = grant
        tokenID = token
        apiKey = String(decoding: api, as: UTF8.self)
        secretKey = String(decoding: secret, as: UTF8.self)
        self.scope = String(decoding: scope, as: UTF8.self)
        redirectURI = String(decoding: redirect, as: UTF8.self)
        codeChallenge = String(decoding: challenge, as: UTF8.self)
        codeChallengeMethod = String(decoding: method, as: UTF8.self)
        signingKey = signing
        self.account = String(decoding: account, as: UTF8.self)
    }

    init(kind: Kind, issuedAt: Int64, expiresAt: Int64, grantID: [UInt8], tokenID: [UInt8], apiKey: String, secretKey: String) {
        self.kind = kind
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.grantID = grantID
        self.tokenID = tokenID
        self.apiKey = apiKey
        self.secretKey = secretKey
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
