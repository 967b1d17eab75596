import Testing

@testable import EC2

/// The Authorization header parser and SigV4's header-value trimming, read as bytes.
@Suite struct SigV4ParsingTests {
    @Test func parsesTheThreePartsWithAnySpacing() throws {
        let header = "AWS4-HMAC-SHA256 Credential=AKID/20260101/sb-1/ec2/aws4_request,SignedHeaders=Host;X-Amz-Date ,  Signature= abc123 "
        let credential = try SigV4Credential.parse(authorization: header)
        #expect(credential.accessKeyID == "AKID")
        #expect(credential.date == "20260101")
        #expect(credential.region == "sb-1")
        #expect(credential.service == "ec2")
        #expect(credential.signedHeaders == ["host", "x-amz-date"])
        #expect(credential.signature == "abc123")
    }

    @Test(arguments: [
        ("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=ab", "Authorization header requires 'Credential' parameter."),
        (
            "AWS4-HMAC-SHA256 Credential=A/20260101/r/ec2/aws4_request, Signature=ab",
            "Authorization header requires 'SignedHeaders' parameter."
        ),
        ("AWS4-HMAC-SHA256 Credential=A/2026/r/ec2/aws4_request, SignedHeaders=host, Signature=ab", "Credential must have exactly 5"),
        ("AWS4-HMAC-SHA256 Credential=A/20260101/r/ec2/aws4_requestX, SignedHeaders=host, Signature=ab", "Credential must have exactly 5"),
        ("AWS4-HMAC-SHA256 Credential=Ä/20260101/r/ec2/aws4_request, SignedHeaders=host, Signature=", "Signature must not be empty."),
        ("AWS4-HMAC-SHA1 Credential=A/20260101/r/ec2/aws4_request, SignedHeaders=host, Signature=ab", "Unsupported Authorization Type"),
    ])
    func malformedHeadersSayWhatIsWrong(_ header: String, _ message: String) {
        do {
            _ = try SigV4Credential.parse(authorization: header)
            Issue.record("parsed \(header)")
        } catch {
            #expect(error.code == "IncompleteSignature")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test(arguments: [
        ("a", "a"), ("a b", "a b"), ("", ""), (" a", "a"), ("a ", "a"), ("a  b", "a b"), ("a\tb", "a b"), ("  a \t b  ", "a b"),
    ])
    func trimAllKeepsCleanValuesAndCollapsesTheRest(_ value: String, _ expected: String) {
        #expect(SignatureV4.trimAll(value) == expected)
    }
}
