import CloudStack
import Pipeline
import TestSupport
import Testing

/// `total` VMs in pages as CloudStack answers them; a `createTags` job receipt for anything else.
private func cloud(total: Int) -> ScriptedTransport {
    ScriptedTransport { request, _ throws(TransportError) in
        let form = formParameters(request)
        guard form["command"] == "listVirtualMachines" else { return ok(#"{"createtagsresponse":{"jobid":"job-1"}}"#) }
        let page = Int(form["page"] ?? "") ?? 1
        let size = Int(form["pagesize"] ?? "") ?? 500
        let start = (page - 1) * size
        let rows = start < total ? (start..<min(total, start + size)).map { #"{"id":"vm-\#($0)"}"# } : []
        return ok(#"{"listvirtualmachinesresponse":{"count":\#(total),"virtualmachine":[\#(rows.joined(separator: ","))]}}"#)
    }
}

private func pagesAsked(_ transport: ScriptedTransport) -> [Int] {
    transport.requests.compactMap { formParameters($0)["command"] == "listVirtualMachines" ? Int(formParameters($0)["page"] ?? "") : nil }
}

/// One front-end page of `maxResults` from `position`, reading ahead as the EC2 and GCE walks do.
private func walk(
    _ client: CloudStackClient, from position: CloudStackPageWalker.Position?, maxResults: Int = 500
) async throws -> (ids: [String], next: CloudStackPageWalker.Position?) {
    let command = CommandTable.listVirtualMachines
    let parameters: Parameters = ["listall": "true"]
    let (items, next) = try await CloudStackPageWalker(pageSize: 500).page(
        from: position, maxResults: maxResults, id: \.id,
        fetch: { (number: Int) async throws(CloudStackError) -> ListPage<VirtualMachine> in
            try await client.walkPage(command, parameters, page: number, pageSize: 500, as: testCredentials)
        },
        render: { (rows: ArraySlice<VirtualMachine>) async throws(CloudStackError) -> [String?] in rows.map(\.id) },
        readAhead: { number, before in
            client.readAhead(command, parameters, page: number, before: before, pageSize: 500, as: testCredentials)
        })
    return (items, next)
}

/// Waits (real time, bounded) until the transport has seen `count` requests.
private func settle(_ transport: ScriptedTransport, requests count: Int) async throws {
    for _ in 0..<200 where transport.requests.count < count { try await Task.sleep(nanoseconds: 5_000_000) }
}

@Suite struct PageReadAheadTests {
    @Test func aWalkThatEndsOnAPageBoundaryReadsTheNextPageForTheNextRequest() async throws {
        let transport = cloud(total: 1_200)
        let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
        let first = try await walk(client, from: nil)
        #expect(first.ids == (0..<500).map { "vm-\($0)" })
        try await settle(transport, requests: 2)
        #expect(pagesAsked(transport) == [1, 2])
        let second = try await walk(client, from: first.next)
        #expect(second.ids == (500..<1_000).map { "vm-\($0)" })
        try await settle(transport, requests: 3)
        // Page 2 came from the read-ahead; page 3 is read ahead for the last request.
        #expect(pagesAsked(transport) == [1, 2, 3])
        let third = try await walk(client, from: second.next)
        #expect(third.ids == (1_000..<1_200).map { "vm-\($0)" })
        #expect(third.next == nil)
        #expect(pagesAsked(transport) == [1, 2, 3])
    }

    @Test func aPageInsideTheLastPageReadIsNotReadAhead() async throws {
        let transport = cloud(total: 1_200)
        let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
        let first = try await walk(client, from: nil, maxResults: 5)
        #expect(first.ids.count == 5)
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(pagesAsked(transport) == [1])
    }

    @Test func aWriteSinceTheReadOrAnOldReadIsNotUsed() async throws {
        let transport = cloud(total: 1_600)
        let clock = ManualClock.client()
        let client = CloudStackClient(transport: transport, environment: clock.environment())
        let first = try await walk(client, from: nil)
        try await settle(transport, requests: 2)
        // A command that changes something, through the same client: pages 2 and 1 (where the walk resumes) are read
        // again, then page 3 ahead.
        _ = try await client.call(CommandTable.createTags, ["resourceids": "vm-1", "resourcetype": "UserVm"], as: testCredentials)
        let second = try await walk(client, from: first.next)
        #expect(second.ids == (500..<1_000).map { "vm-\($0)" })
        try await settle(transport, requests: 6)
        #expect(pagesAsked(transport) == [1, 2, 2, 1, 3])
        // Pages 2 and 3 kept past their time: read again.
        clock.advance(nanos: PageReadAhead.ttlNanos)
        let third = try await walk(client, from: second.next)
        #expect(third.ids == (1_000..<1_500).map { "vm-\($0)" })
        #expect(pagesAsked(transport).prefix(7) == [1, 2, 2, 1, 3, 3, 2])
    }

    @Test func anotherCallerNeverGetsAPageReadAheadForTheFirst() async throws {
        let transport = cloud(total: 1_200)
        let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
        let first = try await walk(client, from: nil)
        try await settle(transport, requests: 2)
        let other = CloudStackCredentials(apiKey: "other-key", secretKey: "other-secret")
        _ = try await client.walkPage(CommandTable.listVirtualMachines, ["listall": "true"], page: 2, pageSize: 500, as: other)
        #expect(pagesAsked(transport) == [1, 2, 2])
        #expect(first.next != nil)
    }
}
