import Foundation
import Pipeline
import Testing

@testable import CloudStackSimulator

@Suite struct SessionTests {
    func login(_ cloud: TestCloud, _ user: String, _ password: String, method: HTTPMethod = .post) -> Response {
        let body = "command=login&response=json&username=\(user)&password=\(TestClient.encode(password))"
        return cloud.simulator.handle(
            Request(
                method: method, uri: "/client/api",
                headers: Headers([("Content-Type", "application/x-www-form-urlencoded")]),
                body: Array(body.utf8))
        ).response
    }

    func sessionCall(_ cloud: TestCloud, command: String, cookie: String, key: String?) -> Response {
        var uri = "/client/api?command=\(command)&response=json"
        if let key { uri += "&sessionkey=" + TestClient.encode(key) }
        return cloud.simulator.handle(Request(method: .get, uri: uri, headers: Headers([("Cookie", cookie)]))).response
    }

    @Test func loginThenSessionCallsThenLogout() throws {
        let cloud = TestCloud()
        let password = cloud.simulator.credentials.first { $0.account == "user1" }?.password ?? ""
        let response = login(cloud, "user1", password)
        #expect(response.status == 200)
        let body = try #require(JSONValue.parse(response.body)?.object?["loginresponse"]?.object)
        let loginFields = APIListing.commands["login"]?.response ?? [:]
        let problems = APIListing.check(body, against: loginFields, path: "login")
        #expect(problems == [])
        #expect(body["type"]?.string == "0")
        let key = body["sessionkey"]?.string ?? ""
        let cookies = response.headers.values("Set-Cookie").map { String($0.split(separator: ";")[0]) }
        #expect(cookies.count == 2)
        let cookie = cookies.joined(separator: "; ")
        #expect(sessionCall(cloud, command: "listZones", cookie: cookie, key: key).status == 200)
        // CookieAndParameter: the key must also be a parameter.
        let noKey = sessionCall(cloud, command: "listZones", cookie: cookie, key: nil)
        #expect(noKey.status == 401)
        #expect(String(decoding: noKey.body, as: UTF8.self).contains("unable to verify user credentials"))
        #expect(sessionCall(cloud, command: "getUser", cookie: cookie, key: key).status == 432)
        let logout = sessionCall(cloud, command: "logout", cookie: cookie, key: key)
        #expect(String(decoding: logout.body, as: UTF8.self) == "{\"logoutresponse\":{\"description\":\"success\"}}")
        #expect(sessionCall(cloud, command: "listZones", cookie: cookie, key: key).status == 401)
    }

    @Test func sessionsExpireAfterThirtyIdleMinutes() throws {
        let cloud = TestCloud()
        let password = cloud.simulator.credentials.first { $0.account == "admin" }?.password ?? ""
        let response = login(cloud, "admin", password)
        let key = JSONValue.parse(response.body)?.object?["loginresponse"]?.object?["sessionkey"]?.string ?? ""
        let cookie = response.headers.values("Set-Cookie").map { String($0.split(separator: ";")[0]) }.joined(separator: "; ")
        cloud.clock.advance(milliseconds: 29 * 60 * 1000)
        #expect(sessionCall(cloud, command: "listZones", cookie: cookie, key: key).status == 200)
        cloud.clock.advance(milliseconds: 31 * 60 * 1000)
        #expect(sessionCall(cloud, command: "listZones", cookie: cookie, key: key).status == 401)
    }

    @Test func badPasswordAndGetAreRefused() {
        let cloud = TestCloud()
        let bad = login(cloud, "user1", "wrong")
        #expect(bad.status == 531)
        let text = String(decoding: bad.body, as: UTF8.self)
        #expect(
            text.hasPrefix(
                "{\"loginresponse\":{\"uuidList\":[],\"errorcode\":531,\"errortext\":\"Failed to authenticate user user1 in domain "))
        let get = cloud.simulator.handle(Request(method: .get, uri: "/client/api?command=login&username=user1&password=x")).response
        #expect(get.status == 405)
        #expect(String(decoding: get.body, as: UTF8.self) == "Please use HTTP POST to authenticate using this API")
    }

    @Test func internalErrorsAreMaskedForUsersOnly() {
        let error = APIError.internalError("disk pool exhausted on host 7")
        #expect(error.shown(toAdmin: true).text == "disk pool exhausted on host 7")
        #expect(error.shown(toAdmin: false).text == "Internal error executing command, please contact your system administrator")
        let invalid = APIError.invalid("Please specify a data volume.")
        #expect(invalid.shown(toAdmin: false).text == "Please specify a data volume.")
    }

    @Test func concurrentCallersAreSafe() {
        let cloud = TestCloud()
        let c = cloud.catalog()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let client = index % 2 == 0 ? cloud.user1 : cloud.user2
            for _ in 0..<20 {
                _ = client.call("listVirtualMachines")
                _ = client.call(
                    "deployVirtualMachine", [("zoneid", c.zone), ("serviceofferingid", c.offering), ("templateid", c.template)])
            }
        }
        cloud.clock.advance(milliseconds: 1000)
        let all = cloud.admin.call("listVirtualMachines", [("listall", "true")]).inner("listvirtualmachinesresponse")
        #expect(all["count"] as? Int == 4 + 160)
    }
}
