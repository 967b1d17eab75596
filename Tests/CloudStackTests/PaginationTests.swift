import CloudStack
import Pipeline
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

@Test func listAllPagesThroughEveryRow() async throws {
    let transport = pagedVMs(total: 2_300)
    let client = CloudStackClient(transport: transport, environment: ManualClock.client().environment())
    let vms = try await client.listAll(CommandTable.listVirtualMachines, ["state": "Running"], as: testCredentials)
    #expect(vms.count == 2_300)
    #expect(vms.map(\.id) == (0..<2_300).map { "vm-\($0)" })
    #expect(transport.requests.count == 5)
    #expect(transport.requests.map { formParameters($0)["page"] } == ["1", "2", "3", "4", "5"])
    #expect(transport.requests.allSatisfy { formParameters($0)["pagesize"] == "500" && formParameters($0)["state"] == "Running" })
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
