import Pipeline
import Testing

@testable import CloudStackSimulator

@Suite struct SigningTests {
    static let secret = "TESTSECRET-not-a-real-key_0123456789"

    @Test func referenceVectorOne() {
        let params = Parameters([("command", "listZones"), ("apiKey", "TESTAPIKEY-abc_DEF"), ("response", "json")])
        #expect(SignatureCheck.stringToSign(params) == "apikey=testapikey-abc_def&command=listzones&response=json")
        #expect(SignatureCheck.sign(params, secret: Self.secret) == "3ID3jYMJVNtxBIcnU2gbfbil1jY=")
    }

    @Test func referenceVectorTwoFromRawQuery() {
        let query =
            "command=listVirtualMachines&apiKey=TESTAPIKEY-abc_DEF&response=json&name=web+server*1%20~x%2Fy"
            + "&signatureVersion=3&expires=2030-01-01T00%3A00%3A00%2B0000&signature=ELx%2BY28NyWSXh0U0bND5pAm9G88%3D"
        let params = Parameters(query: Substring(query))
        #expect(
            SignatureCheck.stringToSign(params)
                == "apikey=testapikey-abc_def&command=listvirtualmachines&expires=2030-01-01t00%3a00%3a00%2b0000&name=web%20server*1%20%7ex%2fy&response=json&signatureversion=3"
        )
        #expect(SignatureCheck.verify(params, secret: Self.secret))
        #expect(!SignatureCheck.verify(params, secret: Self.secret + "x"))
    }

    @Test func sortIsCaseSensitiveBeforeLowerCasing() {
        // Upper-case letters sort before lower-case ones in Java String order.
        let params = Parameters([("networkid", "b"), ("networkIds", "a")])
        #expect(SignatureCheck.stringToSign(params) == "networkids=a&networkid=b")
    }

    @Test func intakeDropsPiecesWithoutEqualsAndKeepsFirstValue() {
        let params = Parameters(query: "a=1&flag&A=2&a=3&b=x%2By+z")
        #expect(params["a"] == "1")
        #expect(params["b"] == "x+y z")
        #expect(params.signed.count == 3)
    }

    @Test func expiresFormats() {
        let utc = ExpiresDate.parse("2030-01-01T00:00:00+0000")
        #expect(utc == 1_893_456_000)
        #expect(ExpiresDate.parse("2030-01-01T00:00:00Z") == utc)
        #expect(ExpiresDate.parse("2030-01-01T01:00:00+01:00") == utc)
        #expect(ExpiresDate.parse("2030-01-01T00:00:00.123456Z") == utc)
        #expect(ExpiresDate.parse("2030-01-01T00:00:00Z+0000") == utc)
        #expect(ExpiresDate.parse("2030-01-01 00:00:00") == nil)
        #expect(ExpiresDate.parse("tomorrow") == nil)
    }

    @Test func dateFormatRoundTrips() {
        #expect(DateText.format(1_893_456_000) == "2030-01-01T00:00:00+0000")
        #expect(DateText.format(951_825_600) == "2000-02-29T12:00:00+0000")
    }

    static let unauthorizedBody =
        "{\"listzonesresponse\":{\"uuidList\":[],\"errorcode\":401,\"errortext\":\"unable to verify user credentials and/or request signature\"}}"

    @Test func goodSignatureIsAccepted() {
        let cloud = TestCloud()
        let answer = cloud.user1.call("listZones")
        #expect(answer.status == 200)
        #expect(answer.headers["Content-Type"] == "application/json; charset=UTF-8")
    }

    @Test func badSignatureGetsExact401() {
        let cloud = TestCloud()
        let answer = cloud.user1.call("listZones") { params in
            params.append(("name", "added after signing"))
        }
        #expect(answer.status == 401)
        #expect(answer.text == Self.unauthorizedBody)
    }

    @Test func missingAPIKeyOrSignatureGets401() {
        let cloud = TestCloud()
        let noKey = cloud.user1.call("listZones") { params in params.removeAll { $0.0 == "apiKey" } }
        #expect(noKey.status == 401)
        #expect(noKey.text == Self.unauthorizedBody)
        let unsigned = cloud.user1.call("listZones", sign: false)
        #expect(unsigned.text == Self.unauthorizedBody)
    }

    @Test func unknownKeyGets401() {
        let cloud = TestCloud()
        let stranger = TestClient(simulator: cloud.simulator, apiKey: "nobody", secret: "nothing")
        #expect(stranger.call("listZones").text == Self.unauthorizedBody)
    }

    @Test func expiredOrMissingExpiresWithVersion3Gets401() {
        let cloud = TestCloud()
        let past = cloud.user1.call("listZones", [("signatureVersion", "3"), ("expires", "2020-01-01T00:00:00+0000")])
        #expect(past.status == 401)
        #expect(past.text == Self.unauthorizedBody)
        let missing = cloud.user1.call("listZones", [("signatureVersion", "3")])
        #expect(missing.text == Self.unauthorizedBody)
        let future = cloud.user1.call("listZones", [("signatureVersion", "3"), ("expires", "2099-01-01T00:00:00Z")])
        #expect(future.status == 200)
    }

    @Test func unknownOrMissingCommandGets401ErrorResponse() {
        let cloud = TestCloud()
        let unknown = cloud.user1.call("listNothing")
        #expect(unknown.status == 401)
        #expect(
            unknown.text
                == "{\"errorresponse\":{\"uuidList\":[],\"errorcode\":401,\"errortext\":\"unable to verify user credentials and/or request signature\"}}"
        )
        let reply = cloud.simulator.handle(Request(method: .get, uri: "/client/api?response=json"))
        #expect(reply.response.status == 401)
    }

    @Test func tildeAndSpacesMustBeSignedWithJavaRules() {
        let cloud = TestCloud()
        let answer = cloud.user1.call("listVirtualMachines", [("name", "a b~c/d*e")])
        #expect(answer.status == 200)
        // A signer that leaves `~` unescaped (Python quote, Go QueryEscape) is rejected, as by the real server.
        let wrong = cloud.user1.call("listVirtualMachines", [("name", "a~b")], sign: false) { params in
            let text = params.sorted { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }
                .map { "\($0.0)=\($0.1)" }.joined(separator: "&").lowercased()
            params.append(("signature", HMACSHA1.base64(key: Array(cloud.user1.secret.utf8), message: Array(text.utf8))))
        }
        #expect(wrong.status == 401)
    }

    @Test func postFormIsAccepted() {
        let cloud = TestCloud()
        var params = [("command", "listZones"), ("apiKey", cloud.user1.apiKey), ("response", "json")]
        params.append(("signature", TestClient.signature(params, secret: cloud.user1.secret)))
        let body = params.map { "\($0.0)=\(TestClient.encode($0.1))" }.joined(separator: "&")
        let request = Request(
            method: .post, uri: "/client/api",
            headers: Headers([("Content-Type", "application/x-www-form-urlencoded")]), body: Array(body.utf8))
        #expect(cloud.simulator.handle(request).response.status == 200)
    }

    @Test func otherPathsAre404AndOtherMethods405() {
        let cloud = TestCloud()
        #expect(cloud.simulator.handle(Request(method: .get, uri: "/client/other?command=listZones")).response.status == 404)
        #expect(cloud.simulator.handle(Request(method: .put, uri: "/client/api?command=listZones")).response.status == 405)
    }

    @Test func xmlIsAnsweredWhenJSONIsNotAsked() {
        let cloud = TestCloud()
        let answer = cloud.user1.call("listZones", sign: false, json: false) { params in params.append(("signature", "bad")) }
        #expect(answer.status == 401)
        #expect(answer.text.hasPrefix("<?xml"))
    }
}
