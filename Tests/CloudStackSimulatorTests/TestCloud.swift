import TestSupport

@testable import CloudStackSimulator

/// A fresh demo cloud with a manual clock and clients for the admin and two users.
struct TestCloud {
    let clock = ManualClock(epochSeconds: 1_795_000_000)
    let simulator: Simulator
    let admin: TestClient
    let user1: TestClient
    let user2: TestClient

    init(seedData: SeedData = .demo, jobMillis: UInt64 = 300) {
        let clock = self.clock
        let sim = Simulator(
            configuration: SimulatorConfiguration(
                seed: "test-seed", jobDurationNanos: jobMillis * 1_000_000,
                seedData: seedData), clock: clock.clock)
        simulator = sim
        admin = TestCloud.client(sim, "admin")
        user1 = TestCloud.client(sim, "user1")
        user2 = TestCloud.client(sim, "user2")
    }

    static func client(_ simulator: Simulator, _ name: String) -> TestClient {
        let key = simulator.credentials.first { $0.account == name }
        return TestClient(simulator: simulator, apiKey: key?.apiKey ?? "", secret: key?.secretKey ?? "")
    }

    /// Ids of the first zone of a type, the first fixed offering and the first featured template.
    func catalog(_ networkType: String = "Basic") -> (zone: String, offering: String, template: String) {
        let zones = admin.call("listZones").inner("listzonesresponse")["zone"] as? [[String: Any]] ?? []
        let zone = zones.first { $0["networktype"] as? String == networkType }?["id"] as? String ?? ""
        let offerings =
            admin.call("listServiceOfferings").inner("listserviceofferingsresponse")["serviceoffering"] as? [[String: Any]] ?? []
        let offering = offerings.first { $0["iscustomized"] as? Bool == false }?["id"] as? String ?? ""
        let templates =
            admin.call("listTemplates", [("templatefilter", "featured")]).inner("listtemplatesresponse")["template"] as? [[String: Any]]
            ?? []
        return (zone, offering, templates.first?["id"] as? String ?? "")
    }

    /// Deploys a VM as `client` and runs its job to completion; returns the VM id.
    func deploy(_ client: TestClient, _ extra: [(String, String)] = [], networkType: String = "Basic") -> String {
        let c = catalog(networkType)
        let reply = client.call(
            "deployVirtualMachine", [("zoneid", c.zone), ("serviceofferingid", c.offering), ("templateid", c.template)] + extra
        )
        .inner("deployvirtualmachineresponse")
        let id = reply["id"] as? String ?? ""
        _ = client.waitForJob(reply["jobid"] as? String ?? "", clock: clock)
        return id
    }
}
