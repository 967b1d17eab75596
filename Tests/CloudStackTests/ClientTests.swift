import CloudStack
import Foundation
import Pipeline
import TestSupport
import Testing

private let zonesBody = #"{"listzonesresponse":{"count":1,"zone":[{"id":"z1","name":"Zone One"}]}}"#

@Test func smallRequestsAreSignedGETs() async throws {
    let transport = ScriptedTransport { _, _ throws(TransportError) in ok(zonesBody) }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    let page = try await client.call(CommandTable.listZones, ["available": "true"], as: testCredentials)
    #expect(page.items.map(\.name) == ["Zone One"])
    let request = try #require(transport.requests.first)
    #expect(request.method == .get)
    #expect(request.idempotent)
    #expect(request.target.hasPrefix("/client/api?"))
    let form = formParameters(request)
    #expect(form["command"] == "listZones" && form["response"] == "json" && form["apiKey"] == "user-api-key")
    #expect(form["available"] == "true")
    // The signature on the wire verifies under the server's rule with the caller's secret.
    let signed = form.filter { $0.key != "signature" }.map { (name: $0.key, value: $0.value) }
    #expect(form["signature"] == RequestSigner.sign(signed, secretKey: "user-secret-key"))
    #expect(form["signatureVersion"] == nil && form["expires"] == nil)
}

@Test func largeRequestsArePOSTForms() async throws {
    let transport = ScriptedTransport { _, _ throws(TransportError) in ok(#"{"deployvirtualmachineresponse":{"id":"vm1","jobid":"j1"}}"#) }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    let userdata = String(repeating: "QUJD", count: 2_000)  // 8 KB of base64
    var parameters: Parameters = ["serviceofferingid": "so", "templateid": "t", "zoneid": "z"]
    parameters["userdata"] = userdata
    let receipt = try await client.call(CommandTable.deployVirtualMachine, parameters, as: testCredentials)
    #expect(receipt == AsyncJobReceipt(jobid: "j1", id: "vm1"))
    let request = try #require(transport.requests.first)
    #expect(request.method == .post)
    #expect(request.target == "/client/api")
    #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
    #expect(!request.idempotent)
    #expect(formParameters(request)["userdata"] == userdata)
}

@Test func signatureVersion3AddsExpires() async throws {
    let transport = ScriptedTransport { _, _ throws(TransportError) in ok(zonesBody) }
    var configuration = ClientConfiguration()
    configuration.signatureExpirySeconds = 600
    let client = CloudStackClient(transport: transport, configuration: configuration, environment: ManualClock.client().environment())
    _ = try await client.call(CommandTable.listZones, as: testCredentials)
    let form = formParameters(try #require(transport.requests.first))
    #expect(form["signatureVersion"] == "3")
    #expect(form["expires"] == "2030-01-01T00:10:00+0000")
}

@Test func callerCannotOverrideReservedParameters() async throws {
    let transport = ScriptedTransport { _, _ throws(TransportError) in ok(zonesBody) }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    _ = try await client.call(
        CommandTable.listZones, ["command": "deleteAccount", "APIKEY": "other", "response": "xml"], as: testCredentials)
    let form = formParameters(try #require(transport.requests.first))
    #expect(form["command"] == "listZones" && form["response"] == "json" && form["APIKEY"] == nil)
}

@Test func readsAreRetriedAfterResetWithBackoff() async throws {
    let transport = ScriptedTransport { _, index throws(TransportError) in
        if index < 2 { throw index == 0 ? .connectionReset : .timeout }
        return ok(zonesBody)
    }
    let clock = ManualClock.client()
    let observer = RecordingObserver()
    let client = CloudStackClient(transport: transport, observer: observer, environment: clock.environment(random: 0.5))
    let page = try await client.call(CommandTable.listZones, as: testCredentials)
    #expect(page.items.count == 1)
    #expect(transport.requests.count == 3)
    // Equal jitter: base 50 ms then 100 ms, half fixed and half scaled by random() = 0.5.
    #expect(clock.sleeps == [37_500_000, 75_000_000])
    #expect(observer.retried == [1, 2])
    #expect(observer.finished.map(\.1) == [.success])
}

@Test func readsGiveUpAfterMaxRetries() async throws {
    let transport = ScriptedTransport { _, _ throws(TransportError) in throw .connectionReset }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    await #expect(throws: CloudStackError.unavailable(.connectionReset)) {
        _ = try await client.call(CommandTable.listVirtualMachines, as: testCredentials)
    }
    #expect(transport.requests.count == 3)
}

@Test func writesAreNeverRetried() async throws {
    let transport = ScriptedTransport { _, index throws(TransportError) in throw index == 0 ? .connectionReset : .timeout }
    let clock = ManualClock.client()
    let client = CloudStackClient(transport: transport, environment: clock.environment())
    await #expect(throws: CloudStackError.unavailable(.connectionReset)) {
        _ = try await client.call(CommandTable.deployVirtualMachine, ["zoneid": "z"], as: testCredentials)
    }
    await #expect(throws: CloudStackError.unavailable(.timeout)) {
        _ = try await client.call(CommandTable.createSecurityGroup, ["name": "g"], as: testCredentials)
    }
    #expect(transport.requests.count == 2)
    #expect(clock.sleeps.isEmpty)
}

@Test func retryBudgetLimitsRetries() async throws {
    let transport = ScriptedTransport { _, _ throws(TransportError) in throw .timeout }
    var configuration = ClientConfiguration()
    configuration.retry.budgetCapacity = 3
    configuration.retry.budgetRatio = 0
    let client = CloudStackClient(transport: transport, configuration: configuration, environment: ManualClock.client().environment())
    for _ in 0..<3 {
        await #expect(throws: CloudStackError.unavailable(.timeout)) {
            _ = try await client.call(CommandTable.listZones, as: testCredentials)
        }
    }
    // 3 first attempts plus the 3 retries the budget allowed, not 3 × 3.
    #expect(transport.requests.count == 6)
}

@Test(arguments: [
    (TransportError.poolExhausted, UnavailableReason.poolExhausted),
    (.connectFailed("refused"), .connectFailed("refused")),
    (.shutdown, .shutdown),
])
func transportFailuresBecomeUnavailable(_ failure: TransportError, _ reason: UnavailableReason) async {
    let transport = ScriptedTransport { _, _ throws(TransportError) in throw failure }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    await #expect(throws: CloudStackError.unavailable(reason)) { _ = try await client.call(CommandTable.listZones, as: testCredentials) }
    #expect(transport.requests.count == 1)
}

@Test func throttlingBecomesThrottled() async throws {
    let body =
        #"{"listzonesresponse":{"uuidList":[],"errorcode":429,"cserrorcode":9999,"errortext":"The given user has reached his/her account api limit, please retry after [218] ms."}}"#
    let transport = ScriptedTransport { _, _ throws(TransportError) in InboundResponse(status: 429, body: Array(body.utf8)) }
    let observer = RecordingObserver()
    let client = CloudStackClient(transport: transport, observer: observer, environment: ManualClock.client().environment())
    await #expect(
        throws: CloudStackError.throttled(
            APIFailure(
                status: 429, errorcode: 429, cserrorcode: 9999,
                errortext: "The given user has reached his/her account api limit, please retry after [218] ms."))
    ) { _ = try await client.call(CommandTable.listZones, as: testCredentials) }
    #expect(observer.throttled == 1)
    #expect(observer.finished.map(\.1) == [.throttled])
}

@Test func apiErrorsCarryStatusAndCodes() async throws {
    let body =
        #"{"errorresponse":{"uuidList":[],"errorcode":401,"errortext":"unable to verify user credentials and/or request signature"}}"#
    let transport = ScriptedTransport { _, _ throws(TransportError) in InboundResponse(status: 401, body: Array(body.utf8)) }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    await #expect(
        throws: CloudStackError.api(
            APIFailure(status: 401, errorcode: 401, errortext: "unable to verify user credentials and/or request signature"))
    ) { _ = try await client.call(CommandTable.listZones, as: testCredentials) }
}

@Test(arguments: [
    (200, "<html><body>Welcome</body></html>"),
    (200, #"{"listzonesresponse":{"count":1,"zone":[{"id":"z1""#),
    (200, ""),
    (200, #"{"listzonesresponse":{}} trailing"#),
    (500, "<html>Internal Server Error</html>"),
    (414, "URI Too Long"),
])
func garbageBodiesBecomeUpstreamErrors(_ status: Int, _ body: String) async {
    let transport = ScriptedTransport { _, _ throws(TransportError) in InboundResponse(status: status, body: Array(body.utf8)) }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    do {
        _ = try await client.call(CommandTable.listZones, as: testCredentials)
        Issue.record("expected an upstream error")
    } catch {
        guard case .upstream(let got, _) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(got == status)
    }
}

@Test func gatewayErrorsBecomeUnavailable() async {
    let transport = ScriptedTransport { _, _ throws(TransportError) in InboundResponse(status: 503, body: Array("<html>busy</html>".utf8)) }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    await #expect(throws: CloudStackError.unavailable(.gatewayStatus(503))) {
        _ = try await client.call(CommandTable.listZones, as: testCredentials)
    }
}

@Test func missingResultObjectIsAnUpstreamError() async {
    let transport = ScriptedTransport { _, _ throws(TransportError) in ok(#"{"createsecuritygroupresponse":{}}"#) }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    await #expect(throws: CloudStackError.self) {
        _ = try await client.call(CommandTable.createSecurityGroup, ["name": "x"], as: testCredentials)
    }
}

@Test func credentialsNeverPrintTheSecret() {
    let credentials = CloudStackCredentials(apiKey: "AK", secretKey: "very-secret-value")
    var dumped = ""
    dump(credentials, to: &dumped)
    for text in [credentials.description, credentials.debugDescription, String(reflecting: credentials), "\(credentials)", dumped] {
        #expect(!text.contains("very-secret-value"))
        #expect(text.contains("AK"))
    }
}
