import Testing

@testable import Pipeline

@Suite struct RouterTests {
    let router = Router(ec2Paths: ["/services/Cloud"])

    @Test(arguments: [
        ("/?Action=DescribeInstances&Version=2016-11-15", HTTPMethod.get, API.ec2),
        ("/services/Cloud?Version=1&Action=DescribeRegions", .get, .ec2),
        ("/?NotAction=x", .get, .none),
        ("/?xAction=DescribeInstances", .get, .none),
        ("/compute/v1/projects/p/zones", .get, .gce),
        ("/discovery/v1/apis/compute/v1/rest", .get, .discovery),
        ("/oauth2/token", .post, .oauth),
        ("/o/oauth2/auth", .get, .oauth),
        ("/token", .post, .oauth),
        ("/computer/v1", .get, .none),
        ("/other?Action=DescribeInstances", .get, .none),
        ("/", .get, .none),
    ])
    func routesByPathAndQuery(uri: String, method: HTTPMethod, expected: API) {
        #expect(router.api(for: Request(method: method, uri: uri)) == expected)
    }

    @Test func routesEC2FormPosts() {
        var request = Request(method: .post, uri: "/", body: Array("Version=2016-11-15&Action=RunInstances".utf8))
        request.headers.add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        #expect(router.api(for: request) == .ec2)
        request.headers.set("Content-Type", "application/json")
        #expect(router.api(for: request) == .none)
    }
}
