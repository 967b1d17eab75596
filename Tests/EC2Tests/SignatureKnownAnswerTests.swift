import CloudStack
import EC2
import Foundation
import Pipeline
import TestSupport
import Testing

/// Published AWS vectors: the SigV4 signing-key examples, the SigV4 test suite's get-vanilla cases,
/// the IAM ListUsers examples (header and presigned) and the SigV2 DescribeJobFlows example.
@Suite struct SignatureKnownAnswerTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func signingKeyDerivationExamples() {
        let k1 = SignatureV4.signingKey(secret: Self.secret, date: "20120215", region: "us-east-1", service: "iam")
        #expect(Self.hex(k1) == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
        let k2 = SignatureV4.signingKey(secret: Self.secret, date: "20110909", region: "us-east-1", service: "iam")
        #expect(Self.hex(k2) == "98f1d889fec4f4421adc522bab0ce1f82e6929c262ed15e5a94c90efd1e3b0e7")
    }

    static func sign(query: [(name: String, value: String)], headers: [(name: String, values: [String])], service: String) -> String {
        let canonical = SignatureV4.canonicalRequest(
            method: "GET", canonicalURI: SignatureV4.canonicalURI(rawPath: "/"), query: query, headers: headers,
            payloadHash: SignatureV4.emptyPayloadHash)
        let toSign = SignatureV4.stringToSign(
            timestamp: "20150830T123600Z", scope: "20150830/us-east-1/\(service)/aws4_request", canonicalRequest: canonical)
        let key = SignatureV4.signingKey(secret: secret, date: "20150830", region: "us-east-1", service: service)
        return hex(SignatureV4.signature(signingKey: key, stringToSign: toSign))
    }

    @Test func testSuiteGetVanilla() {
        let signature = Self.sign(
            query: [], headers: [("host", ["example.amazonaws.com"]), ("x-amz-date", ["20150830T123600Z"])], service: "service")
        #expect(signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func testSuiteGetVanillaQueryOrderKeyCase() {
        let signature = Self.sign(
            query: [("Param2", "value2"), ("Param1", "value1")],
            headers: [("host", ["example.amazonaws.com"]), ("x-amz-date", ["20150830T123600Z"])], service: "service")
        #expect(signature == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test func iamListUsersHeaderExampleVerifies() async throws {
        let request = Request(
            method: .get, uri: "/?Action=ListUsers&Version=2010-05-08",
            headers: Headers([
                ("Host", "iam.amazonaws.com"),
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                ("X-Amz-Date", "20150830T123600Z"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
                ),
            ]))
        let principal = try await Self.verifier.verify(request, parameters: try QueryParameters(request: request))
        #expect(principal.accessKeyID == "AKIDEXAMPLE")
        #expect(principal.scheme == .v4Header)
    }

    @Test func iamListUsersPresignedExampleVerifies() async throws {
        let request = Request(
            method: .get,
            uri:
                "/?Action=ListUsers&Version=2010-05-08&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fiam%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature=37ac2f4fde00b0ac9bd9eadeb459b1bbee224158d66e7ae5fcadb70b2d181d02",
            headers: Headers([("Host", "iam.amazonaws.com"), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]))
        let principal = try await Self.verifier.verify(request, parameters: try QueryParameters(request: request))
        #expect(principal.scheme == .v4Query)
    }

    static let source = StaticCredentialSource([
        CloudStackCredentials(apiKey: "AKIDEXAMPLE", secretKey: secret),
        CloudStackCredentials(apiKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ])

    static let verifier = RequestVerifier(
        region: "us-east-1",
        credentials: source,
        clock: .fixed(AWSTimestamp.parseBasic("20150830T123630Z") ?? 0), service: "iam")

    @Test func signatureV2DescribeJobFlowsExample() async throws {
        let parameters: [(name: String, value: String)] = [
            ("Action", "DescribeJobFlows"), ("Version", "2009-03-31"), ("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE"),
            ("SignatureVersion", "2"), ("SignatureMethod", "HmacSHA256"), ("Timestamp", "2011-10-03T15:19:30"),
        ]
        let toSign = SignatureV2.stringToSign(method: "GET", host: "elasticmapreduce.amazonaws.com", path: "/", parameters: parameters)
        let signature = SignatureV2.signature(secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", method: .hmacSHA256, stringToSign: toSign)
        #expect(Data(signature).base64EncodedString() == "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=")

        let request = Request(
            method: .get,
            uri:
                "/?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31&Signature=i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D",
            headers: Headers([("Host", "elasticmapreduce.amazonaws.com")]))
        let v2 = RequestVerifier(
            region: "us-east-1", credentials: Self.source,
            clock: .fixed(AWSTimestamp.parseExtended("2011-10-03T15:20:00Z") ?? 0))
        let principal = try await v2.verify(request, parameters: try QueryParameters(request: request))
        #expect(principal.scheme == .v2HmacSHA256)
    }
}
