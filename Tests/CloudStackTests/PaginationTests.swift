import CloudStack
import Pipeline
import Synchronization
import TestSupport
import Testing

/// A transport serving `total` VMs in pages as CloudStack does (`count` = total, first).
private func pagedVMs(total: Int) -> ScriptedTransport {
    ScriptedTransport { request, _ throws(TransportError) in
        let form = formParameters(request)
        let page = Int(form["page"] ?? "") ?? 1
        let size = Int(form["pagesize"] ?? "") ?? 500
        let start = (page - 1) * size
        let rows = start < total ? (start..<min(total, start + size)).map { #"{"id":"vm-\#($0)","state":"Running"}"# } : []
        if total == 0 { return ok(#"{"listvirtualmachinesresponse":{}}"#) }
        return ok(#"{"listvirtualmachinesresponse":{"count":\#(total),"virtualmachine":[\#(rows.joined(separator: ","))]}}"#)
    }
}

/// A client reading one page at a time.
private func sequentialClient(_ transport: some Transport) -> CloudStackClient {
    var configuration = ClientConfiguration()
    configuration.pageConcurrency = 1
    return CloudStackClient(transport: transport, configuration: configuration, environment: ManualClock.client().environment())
}

@Test func listAllPagesThroughEveryRow() async throws {
    let transport = pagedVMs(total: 2_300)
    let client = sequentialClient(transport)
    let vms = try await client.listAll(CommandTable.listVirtualMachines, ["state": "Running"], as: testCredentials)
    #expect(vms.count == 2_300)
    #expect(vms.map(\.id) == (0..<2_300).map { "vm-\($0)" })
    #expect(transport.requests.count == 5)
    #expect(transport.requests.map { formParameters($0)["page"] } == ["1", "2", "3", "4", "5"])
    #expect(transport.requests.allSatisfy { formParameters($0)["pagesize"] == "500" && formParameters($0)["state"] == "Running" })
}

@Test func listAllReadsThePagesAfterTheFirstAtOnceAndJoinsThemInOrder() async throws {
    let transport = TimedTransport(delayNanos: 20_000_000, answer: pagedVMs(total: 4_300))
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    #expect(ClientConfiguration().pageConcurrency == 3)
    let vms = try await client.listAll(CommandTable.listVirtualMachines, ["state": "Running"], as: testCredentials)
    #expect(vms.map(\.id) == (0..<4_300).map { "vm-\($0)" })
    let pages: [Int] = transport.requests.map { (request: OutboundRequest) -> Int in Int(formParameters(request)["page"] ?? "") ?? 0 }
    #expect(pages.first == 1)
    #expect(pages.sorted() == Array(1...9))
    #expect(transport.requests.allSatisfy { formParameters($0)["pagesize"] == "500" && formParameters($0)["state"] == "Running" })
    // Never more than three at once, and more than one once the count is known.
    #expect(transport.mostInFlight == 3)
}

@Test func listAllFailsWithTheErrorOfAPageReadAtOnce() async throws {
    let inner = pagedVMs(total: 4_300)
    let transport = ScriptedTransport { request, index throws(TransportError) in
        if formParameters(request)["page"] == "4" {
            return InboundResponse(
                status: 431,
                body: Array(#"{"listvirtualmachinesresponse":{"errorcode":431,"cserrorcode":9999,"errortext":"page four"}}"#.utf8))
        }
        return try inner.answer(request, index)
    }
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    await #expect {
        _ = try await client.listAll(CommandTable.listVirtualMachines, as: testCredentials)
    } throws: { error in
        guard let error = error as? CloudStackError, case .api(let failure) = error else { return false }
        return failure.errorcode == 431 && failure.errortext == "page four"
    }
}

@Test func listAllReadsOnWhenRowsCameWhileItReadAndStopsAtAShortPage() async throws {
    // 1,500 rows when the first page is read, 1,700 by the time the others are: the last counted page is full.
    let grown = ScriptedTransport { request, _ throws(TransportError) in
        let page = Int(formParameters(request)["page"] ?? "") ?? 1
        let total = page == 1 ? 1_500 : 1_700
        let rows = (((page - 1) * 500)..<min(total, page * 500)).map { #"{"id":"vm-\#($0)"}"# }
        return ok(#"{"listvirtualmachinesresponse":{"count":\#(total),"virtualmachine":[\#(rows.joined(separator: ","))]}}"#)
    }
    let client = CloudStackClient(transport: grown, environment: ManualClock.client().environment())
    let vms = try await client.listAll(CommandTable.listVirtualMachines, as: testCredentials)
    #expect(vms.map(\.id) == (0..<1_700).map { "vm-\($0)" })
    #expect(grown.requests.count == 4)
    // 2,300 rows counted first, 1,200 left when pages 2 and 3 are read: page 3 is short and page 4 not used.
    let shrunk = ScriptedTransport { request, _ throws(TransportError) in
        let page = Int(formParameters(request)["page"] ?? "") ?? 1
        let total = page == 1 ? 2_300 : 1_200
        let start = (page - 1) * 500
        let rows = start < total ? (start..<min(total, start + 500)).map { #"{"id":"vm-\#($0)"}"# } : []
        return ok(#"{"listvirtualmachinesresponse":{"count":\#(total),"virtualmachine":[\#(rows.joined(separator: ","))]}}"#)
    }
    let shrinking = CloudStackClient(transport: shrunk, environment: ManualClock.client().environment())
    #expect(try await shrinking.listAll(CommandTable.listVirtualMachines, as: testCredentials).map(\.id) == (0..<1_200).map { "vm-\($0)" })
}

@Test func listAllStopsAtCountWithoutAnEmptyPage() async throws {
    let transport = pagedVMs(total: 1_000)
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    let vms = try await client.listAll(CommandTable.listVirtualMachines, as: testCredentials)
    #expect(vms.count == 1_000)
    #expect(transport.requests.count == 2)
}

@Test func listAllWithALimitAsksFewerPages() async throws {
    let transport = pagedVMs(total: 2_300)
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    let vms = try await client.listAll(CommandTable.listVirtualMachines, limit: 700, as: testCredentials)
    #expect(vms.count == 700)
    #expect(vms.last?.id == "vm-699")
    #expect(transport.requests.count == 2)
}

@Test func listAllOfAnEmptyListAsksOnce() async throws {
    let transport = pagedVMs(total: 0)
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    #expect(try await client.listAll(CommandTable.listVirtualMachines, as: testCredentials).isEmpty)
    #expect(transport.requests.count == 1)
}

@Test func listPageAsksOnePage() async throws {
    let transport = pagedVMs(total: 2_300)
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    let page = try await client.listPage(CommandTable.listVirtualMachines, page: 5, pageSize: 500, as: testCredentials)
    #expect(page.count == 2_300)
    #expect(page.items.count == 300)
    #expect(page.items.first?.id == "vm-2000")
}
