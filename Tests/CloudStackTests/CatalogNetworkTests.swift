import Pipeline
import Synchronization
import TestSupport
import Testing

@testable import CloudStack

/// The catalog's view of a caller's guest networks and VPCs (instance links only): made once per read and kept like
/// zones, but not used once a network or VPC change went through the client since the lists were read, and read
/// again when the caller asks for a fresh one.
@Suite struct CatalogNetworkTests {
    /// Answers the list commands with a row counting how often each was read, the network commands with a job or a
    /// row, and `queryAsyncJobResult` with a finished job of the Java class in the job id.
    final class Backend: Sendable {
        let transport: ScriptedTransport

        init() {
            transport = ScriptedTransport { request, _ throws(TransportError) in
                let form = formParameters(request)
                switch form["command"] {
                case "listNetworks":
                    return ok(#"{"listnetworksresponse":{"count":1,"network":[{"id":"n-1","name":"net"}]}}"#)
                case "listVPCs": return ok(#"{"listvpcsresponse":{"count":1,"vpc":[{"id":"v-1","name":"vpc"}]}}"#)
                case "createNetwork": return ok(#"{"createnetworkresponse":{"network":{"id":"n-2","name":"new"}}}"#)
                case "createInstanceGroup":
                    return ok(#"{"createinstancegroupresponse":{"instancegroup":{"id":"g-1","name":"group"}}}"#)
                case "queryAsyncJobResult":
                    let cmd = form["jobid"] ?? ""
                    return ok(#"{"queryasyncjobresultresponse":{"jobid":"j","jobstatus":1,"cmd":"\#(cmd)","jobresult":{"success":true}}}"#)
                default: return InboundResponse(status: 432, body: Array(#"{"errorresponse":{"errorcode":432}}"#.utf8))
                }
            }
        }

        func reads(_ command: String) -> Int {
            transport.requests.filter { formParameters($0)["command"] == command }.count
        }
    }

    let alice = CloudStackCredentials(apiKey: "alice", secretKey: "alice-secret")

    /// The ids listed, as the view (and how often the view was made).
    final class Views: Sendable {
        let made = Mutex(0)
        func view(_ networks: [Network], _ vpcs: [VPC]) -> [String] {
            made.withLock { $0 += 1 }
            return networks.compactMap(\.id) + vpcs.compactMap(\.id)
        }
    }

    func ids(_ catalog: Catalog, withVPCs: Bool = true, fresh: Bool = false, _ views: Views = Views()) async throws -> [String] {
        try await catalog.guestNetworks(as: alice, withVPCs: withVPCs, fresh: fresh) { views.view($0, $1) }
    }

    func setUp() -> (Backend, CloudStackClient, Catalog, ManualClock) {
        let clock = ManualClock.client()
        let backend = Backend()
        let client = CloudStackClient(transport: backend.transport, environment: clock.environment())
        return (backend, client, Catalog(client: client, policy: CatalogPolicy(ttlSeconds: 30), clock: clock.clock), clock)
    }

    @Test func theViewIsMadeOncePerReadUntilTheTTLEnds() async throws {
        let (backend, _, catalog, clock) = setUp()
        let views = Views()
        #expect(try await ids(catalog, views) == ["n-1", "v-1"])
        clock.advance(seconds: 29)
        #expect(try await ids(catalog, views) == ["n-1", "v-1"])
        #expect(backend.reads("listNetworks") == 1)
        #expect(backend.reads("listVPCs") == 1)
        #expect(views.made.withLock { $0 } == 1)
        clock.advance(seconds: 1)
        _ = try await ids(catalog, views)
        #expect(backend.reads("listNetworks") == 2)
        #expect(views.made.withLock { $0 } == 2)
    }

    @Test func vpcsAreListedOnlyWhenAskedForAndKeptApart() async throws {
        let (backend, _, catalog, _) = setUp()
        #expect(try await ids(catalog, withVPCs: false) == ["n-1"])
        #expect(try await ids(catalog, withVPCs: false) == ["n-1"])
        #expect(backend.reads("listVPCs") == 0)
        #expect(try await ids(catalog, withVPCs: true) == ["n-1", "v-1"])
        #expect(backend.reads("listNetworks") == 2)
        #expect(backend.reads("listVPCs") == 1)
    }

    @Test func freshReadsAgainAndIsKept() async throws {
        let (backend, _, catalog, _) = setUp()
        _ = try await ids(catalog)
        _ = try await ids(catalog, fresh: true)
        #expect(backend.reads("listNetworks") == 2)
        #expect(backend.reads("listVPCs") == 2)
        _ = try await ids(catalog)
        #expect(backend.reads("listNetworks") == 2)
    }

    @Test func aNetworkCommandThroughTheClientMakesTheViewStale() async throws {
        let (backend, client, catalog, _) = setUp()
        _ = try await ids(catalog)
        _ = try await client.call(CommandTable.createNetwork, ["name": "new"], as: alice)
        _ = try await ids(catalog)
        #expect(backend.reads("listNetworks") == 2)
        #expect(backend.reads("listVPCs") == 2)
        _ = try await ids(catalog)
        #expect(backend.reads("listNetworks") == 2)
    }

    @Test func anotherCommandLeavesTheViewAlone() async throws {
        let (backend, client, catalog, _) = setUp()
        _ = try await ids(catalog)
        _ = try await client.call(CommandTable.createInstanceGroup, ["name": "group"], as: alice)
        _ = try await client.call(
            CommandTable.queryAsyncJobResult, ["jobid": "org.apache.cloudstack.api.command.user.vm.DeployVMCmd"], as: alice)
        _ = try await ids(catalog)
        #expect(backend.reads("listNetworks") == 1)
    }

    @Test(arguments: [
        "org.apache.cloudstack.api.command.user.vpc.CreateVPCCmd", "org.apache.cloudstack.api.command.user.network.DeleteNetworkCmd",
        "org.apache.cloudstack.api.command.admin.network.UpdateNetworkCmdByAdmin",
        "org.apache.cloudstack.api.command.user.vpc.DeleteVPCCmd",
    ])
    func aFinishedNetworkJobMakesTheViewStale(cmd: String) async throws {
        let (backend, client, catalog, _) = setUp()
        _ = try await ids(catalog)
        _ = try await client.call(CommandTable.queryAsyncJobResult, ["jobid": cmd], as: alice)
        _ = try await ids(catalog)
        #expect(backend.reads("listNetworks") == 2)
    }

    @Test func jobClassNamesAreMatchedWhole() {
        #expect(ResourceChanges.networks().isJob("org.apache.cloudstack.api.command.user.vpc.UpdateVPCCmd"))
        #expect(!ResourceChanges.networks().isJob("org.apache.cloudstack.api.command.user.vpc.CreateVPCOfferingCmd"))
        #expect(!ResourceChanges.networks().isJob("org.apache.cloudstack.api.command.user.network.CreateNetworkACLCmd"))
        #expect(!ResourceChanges.networks().isJob("RecreateNetworkCmd"))
        #expect(!ResourceChanges.networks().isJob(nil))
    }

    @Test func theDescriptorSaysWhichCommandsChangeNetworks() {
        #expect(CommandTable.createNetwork.descriptor.changesNetworks)
        #expect(CommandTable.deleteVPC.descriptor.changesNetworks)
        #expect(!CommandTable.listNetworks.descriptor.changesNetworks)
        #expect(!CommandTable.createNetworkACL.descriptor.changesNetworks)
        #expect(CommandTable.queryAsyncJobResult.descriptor.queriesJobs)
        #expect(!CommandTable.listNetworks.descriptor.queriesJobs)
    }

    @Test func volumeChangesAreTheirOwnCount() async throws {
        #expect(CommandTable.attachVolume.descriptor.changesVolumes && CommandTable.deployVirtualMachine.descriptor.changesVolumes)
        #expect(!CommandTable.listVolumes.descriptor.changesVolumes && !CommandTable.createNetwork.descriptor.changesVolumes)
        let volumes = ResourceChanges.volumes()
        #expect(volumes.isJob("org.apache.cloudstack.api.command.user.volume.AttachVolumeCmd"))
        #expect(volumes.isJob("org.apache.cloudstack.api.command.admin.vm.DeployVMCmdByAdmin"))
        #expect(!volumes.isJob("org.apache.cloudstack.api.command.user.vpc.CreateVPCCmd"))
        #expect(!ResourceChanges.networks().isJob("org.apache.cloudstack.api.command.user.volume.AttachVolumeCmd"))
        let (_, client, _, _) = setUp()
        let before = client.volumeChanges.current
        _ = try? await client.call(
            CommandTable.queryAsyncJobResult, ["jobid": "org.apache.cloudstack.api.command.user.volume.DetachVolumeCmd"], as: alice)
        #expect(client.volumeChanges.current > before)
        #expect(client.networkChanges.current == 0)
    }
}
