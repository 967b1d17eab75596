import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import TestSupport
import Testing

@testable import EC2

/// CloudStack failures become EC2 errors by code and context; throttling and outages through the pipeline.
@Suite struct ErrorMappingTests {
    static let instance = ErrorContext.ids(.instance, ["i-" + String(repeating: "a", count: 32)])

    @Test(arguments: [
        (401, ErrorContext.none, "AuthFailure", 401),
        (429, ErrorContext.none, "RequestLimitExceeded", 503),
        (430, ErrorContext.none, "InvalidParameterValue", 400),
        (431, instance, "InvalidInstanceID.NotFound", 400),
        (431, ErrorContext(keyPairName: "k"), "InvalidKeyPair.NotFound", 400),
        (431, ErrorContext.none, "InvalidParameterValue", 400),
        (432, ErrorContext.none, "UnauthorizedOperation", 403),
        (531, instance, "InvalidInstanceID.NotFound", 400),
        (531, ErrorContext.none, "UnauthorizedOperation", 403),
        (532, ErrorContext(launching: true), "InstanceLimitExceeded", 400),
        (532, ErrorContext.none, "ResourceLimitExceeded", 400),
        (533, ErrorContext(launching: true), "InsufficientInstanceCapacity", 500),
        (534, ErrorContext.none, "Unavailable", 503),
        (536, instance, "IncorrectInstanceState", 400),
        (536, ErrorContext.none, "IncorrectState", 400),
        (537, ErrorContext.none, "InvalidPermission.Duplicate", 400),
        (530, instance, "InternalError", 500),
    ])
    func apiErrorsMapByCode(code: Int, context: ErrorContext, expected: String, status: Int) {
        let failure = APIFailure(status: code, errorcode: code, cserrorcode: 4350, errortext: "Unable to execute API command\nat line 2")
        let error = CloudStackErrorMapping.ec2Error(.api(failure), context: context)
        #expect(error.code == expected)
        #expect(error.status == status)
        #expect(!error.message.contains("\n"))
        // The same code inside a failed job maps the same way.
        let job = JobFailure(jobid: "j", jobstatus: 2, jobresultcode: Int64(code), errorcode: Int64(code), errortext: "x")
        #expect(CloudStackErrorMapping.ec2Error(.jobFailed(job), context: context).code == expected)
    }

    @Test func transportFailuresAndGarbage() {
        #expect(CloudStackErrorMapping.ec2Error(.unavailable(.connectFailed("refused")), context: .none).status == 503)
        #expect(CloudStackErrorMapping.ec2Error(.jobTimeout(jobID: "j", waitedNanos: 1), context: .none).code == "Unavailable")
        let garbage = CloudStackErrorMapping.ec2Error(.upstream(status: 200, reason: "<html>secret host</html>"), context: .none)
        #expect(garbage.code == "InternalError" && !garbage.message.contains("secret"))
    }

    /// A transport whose backend is down.
    struct Unreachable: Transport {
        func send(_ request: OutboundRequest) async throws -> InboundResponse { throw TransportError.connectFailed("refused") }
    }

    @Test func unreachableCloudStackIsUnavailable503AndThrottlingIsRequestLimitExceeded() async throws {
        let down = try EC2Pipeline(
            configuration: EC2Configuration(
                region: EC2TestCloud.region, endpointURL: "https://x/", pageTokenSecret: Array(repeating: 1, count: 32)),
            client: CloudStackClient(transport: Unreachable()),
            credentials: StaticCredentialSource([CloudStackCredentials(apiKey: "AK", secretKey: "SK")]), clock: .fixed(1_772_600_767))
        var context = RequestContext(requestID: "r-1", startNanos: 0)
        let request = EC2TestCloud.signedPost(
            [("Action", "DescribeAvailabilityZones"), ("Version", "2016-11-15")], accessKey: "AK", secret: "SK", at: 1_772_600_767)
        let response = await PhasedResponder(down).respond(to: request, context: &context)
        #expect(response.status == 503)
        #expect(String(decoding: response.body, as: UTF8.self).contains("<Code>Unavailable</Code>"))
        #expect(String(decoding: response.body, as: UTF8.self).contains("<RequestID>r-1</RequestID>"))
        #expect(context.action == "DescribeAvailabilityZones" && context.principal == "AK")

        let cloud = try EC2TestCloud(seed: .empty)
        cloud.simulator.setErrorInjection(ErrorInjection(throttleMax: 1, throttleIntervalNanos: 3_600_000_000_000))
        var codes: [String] = []
        for _ in 0..<3 {
            let answer = await cloud.send("DescribeAvailabilityZones")
            codes.append(
                answer.status == 200
                    ? "ok" : try BotocoreResponseChecker.check([("DescribeAvailabilityZones", answer)])[0].error?.code ?? "?")
        }
        #expect(codes.contains("RequestLimitExceeded"), "\(codes)")
    }

    @Test func rejectionsAreEC2Documents() throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let overloaded = cloud.pipeline.reject(Request(method: .get, uri: "/?Action=DescribeRegions"), status: 503, requestID: "q")
        let tooLarge = cloud.pipeline.reject(Request(method: .get, uri: "/?Action=DescribeRegions"), status: 431, requestID: "q")
        let checked = try BotocoreResponseChecker.check([("DescribeRegions", overloaded), ("DescribeRegions", tooLarge)])
        #expect(checked.map { $0.error?.code } == ["Unavailable", "InvalidRequest"])
        #expect(overloaded.status == 503 && tooLarge.status == 431)
    }

    @Test func botocoreSignedRequestsRunThroughThePipeline() async throws {
        let pipeline = try EC2Pipeline(
            configuration: EC2Configuration(
                region: BotocoreSigner.region, endpointURL: "https://ec2.example.org/", pageTokenSecret: Array(repeating: 3, count: 32)),
            client: CloudStackClient(transport: Unreachable()), credentials: BotocoreSigner.keys, clock: .fixed(BotocoreSigner.epoch))
        var responses: [(String, Response)] = []
        for mode in BotocoreSigner.Mode.allCases {
            let request = try BotocoreSigner.sign(
                mode, params: [("Action", "DescribeRegions"), ("Version", "2016-11-15"), ("RegionName.1", BotocoreSigner.region)])
            var context = RequestContext(requestID: "b-\(mode.rawValue)", startNanos: 0)
            responses.append(("DescribeRegions", await PhasedResponder(pipeline).respond(to: request, context: &context)))
        }
        let checked = try BotocoreResponseChecker.check(responses)
        for (mode, result) in zip(BotocoreSigner.Mode.allCases, checked) {
            #expect(result.error == nil, "\(mode): \(String(describing: result.error))")
            #expect((result.parsed["Regions"] as? [[String: Any]])?.first?["Endpoint"] as? String == "ec2.example.org", "\(mode)")
        }
    }
}
