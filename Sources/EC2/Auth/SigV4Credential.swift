/// The signature parts of a SigV4 request, from the `Authorization` header or a presigned query.
public struct SigV4Credential: Sendable, Equatable {
    /// The access key id.
    public var accessKeyID: String
    /// The scope's `YYYYMMDD`.
    public var date: String
    /// The scope's region.
    public var region: String
    /// The scope's service.
    public var service: String
    /// The signed header names, lower-cased, in the order given.
    public var signedHeaders: [String]
    /// The hex signature as sent.
    public var signature: String

    /// `<date>/<region>/<service>/aws4_request`.
    public var scope: String { date + "/" + region + "/" + service + "/aws4_request" }

    /// Creates the parts.
    public init(accessKeyID: String, date: String, region: String, service: String, signedHeaders: [String], signature: String) {
        self.accessKeyID = accessKeyID
        self.date = date
        self.region = region
        self.service = service
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// Parses `AWS4-HMAC-SHA256 Credential=…/…/…/…/aws4_request, SignedHeaders=a;b, Signature=hex`.
    ///
    /// Read as UTF-8 bytes: splitting the header into `Character`s (grapheme breaking) cost more
    /// than the rest of the signature check. Every delimiter is ASCII.
    public static func parse(authorization: String) throws(EC2Error) -> SigV4Credential {
        guard authorization.hasPrefix(SignatureV4.algorithm + " ") else {
            throw .incompleteSignature("Unsupported Authorization Type")
        }
        var credential: String?
        var signedHeaders: String?
        var signature: String?
        let rest = authorization.utf8.dropFirst(SignatureV4.algorithm.utf8.count + 1)
        for part in rest.split(separator: UInt8(ascii: ",")) {
            let item = part.drop { $0 == UInt8(ascii: " ") }
            guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let value = String(Substring(item[item.index(after: equals)...].trimmingSpaces))
            let name = item[..<equals]
            if name.elementsEqual("Credential".utf8) {
                credential = value
            } else if name.elementsEqual("SignedHeaders".utf8) {
                signedHeaders = value
            } else if name.elementsEqual("Signature".utf8) {
                signature = value
            }
        }
        var missing: [String] = []
        if credential == nil { missing.append("Authorization header requires 'Credential' parameter.") }
        if signature == nil { missing.append("Authorization header requires 'Signature' parameter.") }
        if signedHeaders == nil { missing.append("Authorization header requires 'SignedHeaders' parameter.") }
        guard let credential, let signedHeaders, let signature else {
            throw .incompleteSignature(missing.joined(separator: " "))
        }
        return try make(credential: credential, signedHeaders: signedHeaders, signature: signature)
    }

    /// Builds the parts from the `X-Amz-Credential`, `X-Amz-SignedHeaders` and `X-Amz-Signature` values.
    public static func make(credential: String, signedHeaders: String, signature: String) throws(EC2Error) -> SigV4Credential {
        let scope = credential.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard scope.count == 5, scope[4].elementsEqual("aws4_request".utf8), !scope[0].isEmpty, scope[1].count == 8,
            scope[1].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            throw .incompleteSignature(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/aws4_request, got '\(credential)'")
        }
        let headers = signedHeaders.utf8.split(separator: UInt8(ascii: ";")).map { String(Substring($0)).lowercased() }
        guard !headers.isEmpty else { throw .incompleteSignature("SignedHeaders must not be empty.") }
        guard !signature.isEmpty else { throw .incompleteSignature("Signature must not be empty.") }
        return SigV4Credential(
            accessKeyID: String(Substring(scope[0])), date: String(Substring(scope[1])), region: String(Substring(scope[2])),
            service: String(Substring(scope[3])),
            signedHeaders: headers, signature: signature)
    }
}
