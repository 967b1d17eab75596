import CloudStack
import EC2
import Pipeline
import TestSupport
import Testing

/// Requests with missing or malformed signature parts get EC2's exact error codes.
@Suite struct VerifierErrorTests {
    static let now = AWSTimestamp.parseBasic("20260304T050607Z") ?? 0
    static let verifier = RequestVerifier(
        region: "zone-1", credentials: StaticCredentialSource([CloudStackCredentials(apiKey: "AK", secretKey: "SK")]), clock: .fixed(now))

    static func code(_ request: Request) async -> String? {
        do {
            _ = try await verifier.verify(request, parameters: try QueryParameters(request: request))
            return nil
        } catch let error as EC2Error {
            return error.code
        } catch {
            return "unexpected \(error)"
        }
    }

    static func header(_ authorization: String, date: String? = "20260304T050607Z") -> Request {
        var headers = Headers([("Host", "h"), ("Authorization", authorization)])
        if let date { headers.add("X-Amz-Date", date) }
        return Request(method: .get, uri: "/?Action=DescribeRegions", headers: headers)
    }

    @Test func noSignatureAtAll() async {
        #expect(
            await Self.code(Request(method: .get, uri: "/?Action=DescribeRegions", headers: Headers([("Host", "h")])))
                == "MissingAuthenticationToken")
    }

    @Test(arguments: [
        "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=ab",
        "AWS4-HMAC-SHA256 Credential=AK/20260304/zone-1/ec2/aws4_request, Signature=ab",
        "AWS4-HMAC-SHA256 Credential=AK/20260304/zone-1/ec2/aws4_request, SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential=AK/20260304/zone-1/ec2, SignedHeaders=host, Signature=ab",
        "AWS4-HMAC-SHA256 Credential=AK/2026-03-04/zone-1/ec2/aws4_request, SignedHeaders=host, Signature=ab",
        "AWS4-HMAC-SHA256 Credential=AK/20260304/zone-1/ec2/aws4_request, SignedHeaders=x-amz-date, Signature=ab",
        "AWS AK:signature",
    ])
    func incompleteAuthorizationHeader(authorization: String) async {
        #expect(await Self.code(Self.header(authorization)) == "IncompleteSignature")
    }

    @Test func missingDateHeader() async {
        let request = Self.header(
            "AWS4-HMAC-SHA256 Credential=AK/20260304/zone-1/ec2/aws4_request, SignedHeaders=host, Signature=ab", date: nil)
        #expect(await Self.code(request) == "IncompleteSignature")
    }

    @Test func scopeMismatches() async {
        let base = "SignedHeaders=host;x-amz-date, Signature=ab"
        #expect(
            await Self.code(Self.header("AWS4-HMAC-SHA256 Credential=AK/20260304/zone-2/ec2/aws4_request, " + base))
                == "SignatureDoesNotMatch")
        #expect(
            await Self.code(Self.header("AWS4-HMAC-SHA256 Credential=AK/20260304/zone-1/iam/aws4_request, " + base))
                == "SignatureDoesNotMatch")
        #expect(
            await Self.code(Self.header("AWS4-HMAC-SHA256 Credential=AK/20260303/zone-1/ec2/aws4_request, " + base))
                == "SignatureDoesNotMatch")
    }

    @Test func unknownKeyBeforeBadSignature() async {
        let request = Self.header(
            "AWS4-HMAC-SHA256 Credential=NOPE/20260304/zone-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab")
        #expect(await Self.code(request) == "AuthFailure")
        let known = Self.header(
            "AWS4-HMAC-SHA256 Credential=AK/20260304/zone-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab")
        #expect(await Self.code(known) == "SignatureDoesNotMatch")
    }

    @Test func expiredBeforeKeyLookup() async {
        let request = Self.header(
            "AWS4-HMAC-SHA256 Credential=NOPE/20260304/zone-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab",
            date: "20260304T045000Z")
        #expect(await Self.code(request) == "RequestExpired")
    }

    @Test func presignedMissingPartsAndBadExpiry() async {
        let scope =
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20260304%2Fzone-1%2Fec2%2Faws4_request&X-Amz-Date=20260304T050000Z&X-Amz-SignedHeaders=host"
        let missing = Request(method: .get, uri: "/?Action=X&" + scope + "&X-Amz-Expires=60", headers: Headers([("Host", "h")]))
        #expect(await Self.code(missing) == "IncompleteSignature")
        let tooLong = Request(
            method: .get, uri: "/?Action=X&" + scope + "&X-Amz-Expires=604801&X-Amz-Signature=ab", headers: Headers([("Host", "h")]))
        #expect(await Self.code(tooLong) == "IncompleteSignature")
        let expired = Request(
            method: .get, uri: "/?Action=X&" + scope + "&X-Amz-Expires=60&X-Amz-Signature=ab", headers: Headers([("Host", "h")]))
        #expect(await Self.code(expired) == "RequestExpired")
        let algorithm = Request(method: .get, uri: "/?Action=X&X-Amz-Algorithm=AWS4-HMAC-SHA1", headers: Headers([("Host", "h")]))
        #expect(await Self.code(algorithm) == "IncompleteSignature")
    }

    @Test func headerAndQueryTogetherAreRefused() async {
        var request = Self.header("AWS4-HMAC-SHA256 Credential=AK/20260304/zone-1/ec2/aws4_request, SignedHeaders=host, Signature=ab")
        request.uri += "&X-Amz-Algorithm=AWS4-HMAC-SHA256"
        #expect(await Self.code(request) == "IncompleteSignature")
    }

    static func v2(_ query: String) -> Request {
        Request(method: .get, uri: "/?Action=DescribeRegions&" + query, headers: Headers([("Host", "h")]))
    }

    @Test func signatureV2Failures() async {
        let full = "AWSAccessKeyId=AK&SignatureVersion=2&SignatureMethod=HmacSHA256&Signature=abc%3D"
        #expect(
            await Self.code(Self.v2("AWSAccessKeyId=AK&SignatureVersion=2&SignatureMethod=HmacSHA256&Timestamp=2026-03-04T05:06:07Z"))
                == "MissingParameter")
        #expect(await Self.code(Self.v2(full)) == "MissingParameter")
        #expect(
            await Self.code(Self.v2(full + "&Timestamp=2026-03-04T05:06:07Z&Expires=2026-03-04T05:10:00Z")) == "InvalidParameterCombination"
        )
        #expect(
            await Self.code(
                Self.v2("AWSAccessKeyId=AK&SignatureVersion=1&SignatureMethod=HmacSHA256&Signature=a&Timestamp=2026-03-04T05:06:07Z"))
                == "InvalidParameterValue")
        #expect(
            await Self.code(
                Self.v2("AWSAccessKeyId=AK&SignatureVersion=2&SignatureMethod=HmacMD5&Signature=a&Timestamp=2026-03-04T05:06:07Z"))
                == "InvalidParameterValue")
        #expect(await Self.code(Self.v2(full + "&Timestamp=2026-03-04T04:50:00Z")) == "RequestExpired")
        #expect(await Self.code(Self.v2(full + "&Timestamp=2026-03-04T05:22:00Z")) == "RequestExpired")
        #expect(await Self.code(Self.v2(full + "&Expires=2026-03-04T05:06:06Z")) == "RequestExpired")
        #expect(await Self.code(Self.v2(full + "&Expires=2026-03-04T07:00:00Z")) == "SignatureDoesNotMatch")
        #expect(await Self.code(Self.v2(full + "&Timestamp=yesterday")) == "InvalidParameterValue")
    }

    @Test func badPercentEncodingIsMalformedQueryString() async {
        #expect(throws: EC2Error.malformedQueryString()) { try QueryParameters(rawQuery: Array("Action=%zz".utf8)) }
        #expect(throws: EC2Error.malformedQueryString()) { try QueryParameters(rawQuery: Array("Action=%C3".utf8)) }
    }
}
