import CloudStack
import Foundation
import Testing

@testable import GCE

@Suite("Errors as Google's")
struct ErrorTests {
    @Test(arguments: [
        (431, 400, "invalid"), (401, 401, "authError"), (432, 403, "forbidden"), (531, 403, "forbidden"),
        (532, 403, "quotaExceeded"), (533, 503, "resourceExhausted"), (536, 400, "resourceInUseByAnotherResource"),
        (537, 409, "conflict"), (530, 503, "backendError"),
    ])
    func cloudStackCodesMapByCode(_ code: Int, _ status: Int, _ reason: String) {
        let error = GCEError(.api(APIFailure(status: code, errorcode: code, cserrorcode: 4350, errortext: "text")))
        #expect(error.status == status)
        #expect(error.reason == reason)
    }

    @Test func transportFailuresAndThrottlingMap() {
        #expect(GCEError(.unavailable(.timeout)).status == 503)
        #expect(GCEError(.throttled(APIFailure(status: 429, errorcode: 429, errortext: "slow down"))).status == 429)
        #expect(
            GCEError(.jobFailed(JobFailure(jobid: "j", jobstatus: 2, jobresultcode: 530, errorcode: 431, errortext: "bad"))).status == 400)
    }

    @Test func bodyHasGooglesShape() throws {
        let body = GCEError.notFound("projects/user1/zones/z").body
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? Int == 404)
        #expect(error["message"] as? String == "The resource 'projects/user1/zones/z' was not found")
        let item = try #require((error["errors"] as? [[String: Any]])?.first)
        #expect(item["reason"] as? String == "notFound")
        #expect(item["domain"] as? String == "global")
    }

    @Test func unknownPathsAndBadStandardParametersAreJSONErrors() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let unknown = await bridge.send(.get, "/compute/v1/projects/user1/bogus", token: token)
        #expect(unknown.status == 404)
        #expect(unknown.headers["content-type"]?.hasPrefix("application/json") == true)
        let alt = await bridge.send(.get, "/compute/v1/projects/user1/zones?alt=proto", token: token)
        #expect(alt.status == 400)
        let fine = await bridge.send(
            .get, "/compute/v1/projects/user1/zones?alt=json&prettyPrint=false&fields=items&quotaUser=x&key=k&%24.xgafv=2", token: token)
        #expect(fine.status == 200)
        let reject = bridge.pipeline.reject(.init(method: .get, uri: "/"), status: 503, requestID: "r1")
        #expect(reject.status == 503)
        #expect(String(decoding: reject.body, as: UTF8.self).contains("\"reason\":\"backendError\""))
    }

    @Test func projectIsTheCallersAccountOrTheConfiguredOne() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        #expect(await bridge.send(.get, "/compute/v1/projects/user2/zones", token: token).status == 404)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: token).status == 200)
        let fixed = try TestBridge(project: "shared-project")
        let fixedToken = try await fixed.token()
        #expect(await fixed.send(.get, "/compute/v1/projects/shared-project/zones", token: fixedToken).status == 200)
        #expect(await fixed.send(.get, "/compute/v1/projects/user1/zones", token: fixedToken).status == 404)
    }
}
