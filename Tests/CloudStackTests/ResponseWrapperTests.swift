import CloudStack
import Pipeline
import TestSupport
import Testing

/// An answer must carry a `…response` wrapper: without one it is not CloudStack's (issue #11 item 12).
@Suite struct ResponseWrapperTests {
    static func zones(_ body: String) throws(CloudStackError) -> Int {
        try ResponseDecoder.decode(CommandTable.listZones, InboundResponse(status: 200, body: Array(body.utf8))).items.count
    }

    @Test(arguments: [
        #"{"zone":[{"id":"z1","name":"a"}],"count":1}"#,
        #"{"listzones":{"count":1,"zone":[{"id":"z1","name":"a"}]}}"#,
        #"{}"#,
    ])
    func anAnswerWithoutAWrapperIsAnUpstreamError(_ body: String) {
        #expect {
            _ = try Self.zones(body)
        } throws: { error in
            guard case CloudStackError.upstream(200, _)? = error as? CloudStackError else { return false }
            return true
        }
    }

    @Test func anEmptyListInsideItsWrapperIsStillEmpty() throws {
        #expect(try Self.zones(#"{"listzonesresponse":{}}"#) == 0)
        // Case differs in some of CloudStack's own wrappers (`resetSSHKeyforvirtualmachineresponse`).
        #expect(try Self.zones(#"{"ListZonesResponse":{"count":1,"zone":[{"id":"z1","name":"a"}]}}"#) == 1)
    }

    @Test func anOversizedAnswerIsAnUpstreamErrorAndNotRetried() async {
        let transport = ScriptedTransport { _, _ throws(TransportError) in throw .responseTooLarge }
        let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
        let error = await #expect(throws: CloudStackError.self) { _ = try await client.call(CommandTable.listZones, as: testCredentials) }
        guard case .upstream(200, _)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        // A read that failed this way is not retried: the same answer would be too large again.
        #expect(transport.requests.count == 1)
    }
}
