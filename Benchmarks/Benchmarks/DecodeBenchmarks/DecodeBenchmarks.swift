import Benchmark
import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline

// listVirtualMachines of 10 and 500 VMs, the bodies produced by the simulator: our reader straight into
// the CloudStack models against Foundation's JSONDecoder into Codable structs with the same field set,
// in the same run (docs/performance.md). Run from Benchmarks/: swift package benchmark --target DecodeBenchmarks

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .instructions, .throughput],
        timeUnits: .microseconds,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    for count in [10, 500] {
        let body = ListVirtualMachinesBody.make(count: count)
        let response = InboundResponse(status: 200, body: body)
        let data = Data(body)
        let decoder = JSONDecoder()
        // Both decoders must read every VM before their times mean anything.
        guard let ours = try? ResponseDecoder.decode(CommandTable.listVirtualMachines, response), ours.items.count == count,
            let theirs = try? decoder.decode(CodableListVirtualMachines.self, from: data),
            theirs.listvirtualmachinesresponse.virtualmachine?.count == count
        else {
            fatalError("the simulator's listVirtualMachines body of \(count) VMs does not decode")
        }

        Benchmark("listVirtualMachines \(count) VMs (\(body.count / 1024) KB): JSONReader into models") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? ResponseDecoder.decode(CommandTable.listVirtualMachines, response))
            }
        }

        Benchmark("listVirtualMachines \(count) VMs (\(body.count / 1024) KB): Foundation JSONDecoder, Codable") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? decoder.decode(CodableListVirtualMachines.self, from: data))
            }
        }
    }
}

/// The listVirtualMachines answer envelope for Foundation.
struct CodableListVirtualMachines: Decodable {
    struct Page: Decodable {
        var count: Int64?
        var virtualmachine: [CodableVirtualMachine]?
    }
    var listvirtualmachinesresponse: Page
}

/// A listVirtualMachines body as the simulator answers it: VMs with a NIC, a security group and tags.
enum ListVirtualMachinesBody {
    static func make(count: Int) -> [UInt8] {
        let simulator = Simulator(
            configuration: SimulatorConfiguration(
                jobDurationNanos: 0, seedData: SeedData(userAccounts: 1, vmsPerAccount: count, tagsPerVM: 2)),
            clock: { 1_795_000_000_000_000_000 })
        guard let admin = simulator.credentials.first(where: { $0.isAdmin }) else { fatalError("no admin") }
        let request = RequestBuilder(configuration: ClientConfiguration()).build(
            CommandTable.listVirtualMachines.descriptor, ["listall": "true", "page": "1", "pagesize": String(count)],
            credentials: CloudStackCredentials(apiKey: admin.apiKey, secretKey: admin.secretKey), epochSeconds: 0)
        let reply = simulator.handle(Request(method: request.method, uri: request.target, headers: request.headers, body: request.body))
        guard reply.response.status == 200 else { fatalError("simulator answered \(reply.response.status)") }
        return reply.response.body
    }
}
