import EC2
import Foundation
import Pipeline
import TestSupport
import Testing

@Suite struct ErrorDocumentTests {
    @Test func bodyHasEC2ShapeAndEscapesEveryField() {
        let error = EC2Error(code: "InvalidParameterValue", message: "bad <value> & 'quote' \"dq\"", status: 400)
        let body = String(decoding: ErrorDocument.body(error, requestID: "req-<1>"), as: UTF8.self)
        #expect(
            body == """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Errors><Error><Code>InvalidParameterValue</Code><Message>bad &lt;value&gt; &amp; &apos;quote&apos; &quot;dq&quot;</Message></Error></Errors><RequestID>req-&lt;1&gt;</RequestID></Response>
                """)
    }

    @Test func controlCharactersCannotBreakTheDocument() {
        let escaped = XMLText.escaped("a\u{01}b\u{1F}c\td")
        #expect(escaped == "a\u{FFFD}b\u{FFFD}c\td")
    }

    @Test func responseCarriesStatusAndContentType() {
        let response = ErrorDocument.response(.dryRunOperation(), requestID: "r1")
        #expect(response.status == 412)
        #expect(response.headers["content-type"] == "text/xml;charset=UTF-8")
    }

    @Test(arguments: [
        EC2Error.authFailure(), .signatureDoesNotMatch(), .requestExpired(), .invalidAction("Nope<&>"),
        .missingParameter("ImageId"), .unknownFilter("x'y"), .internalError(),
    ])
    func botocoreParsesOurErrors(error: EC2Error) throws {
        let script = """
            import sys, json
            from botocore.parsers import EC2QueryParser
            body = sys.stdin.buffer.read()
            parsed = EC2QueryParser().parse({'status_code': int(sys.argv[1]) if len(sys.argv) > 1 else 400, 'headers': {}, 'body': body}, None)
            print(json.dumps({'code': parsed['Error']['Code'], 'message': parsed['Error']['Message'], 'rid': parsed['ResponseMetadata'].get('RequestId')}))
            """
        let out = try Subprocess.python(script, input: Data(ErrorDocument.body(error, requestID: "rid-42")))
        let json = try #require(try JSONSerialization.jsonObject(with: out) as? [String: String])
        #expect(json["code"] == error.code)
        #expect(json["message"] == error.message)
        #expect(json["rid"] == "rid-42")
    }

    @Test func statusesFollowAWS() {
        #expect(EC2Error.authFailure().status == 401)
        #expect(EC2Error.signatureDoesNotMatch().status == 403)
        #expect(EC2Error.incompleteSignature("x").status == 400)
        #expect(EC2Error.missingAuthenticationToken().status == 403)
        #expect(EC2Error.requestExpired().status == 400)
        #expect(EC2Error.requestLimitExceeded().status == 503)
        #expect(EC2Error.unavailable().status == 503)
        #expect(EC2Error.internalError().status == 500)
        #expect(EC2Error.invalidAction("Foo").message == "The action Foo is not valid for this web service.")
        #expect(EC2Error.missingParameter("ImageId").message == "The request must contain the parameter ImageId")
    }
}
