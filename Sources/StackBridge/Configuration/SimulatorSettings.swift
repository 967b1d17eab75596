/// The built-in CloudStack simulator (`simulator`), used when `cloudstack.endpoint` is `simulator`.
public struct SimulatorSettings: Sendable, Equatable {
    /// How long each simulated asynchronous job runs, in milliseconds.
    public var jobDurationMilliseconds = 300
    /// Seed of the simulator's ids and key pairs, so a demo is reproducible; secret because the
    /// simulated users' API keys derive from it.
    public var seed = Secret("stackbridge-demo")
    /// Extra latency of every simulated command, in milliseconds (tests and demos of slow clouds).
    public var latencyMilliseconds = 0
    /// Virtual machines created at start.
    public var vms = 0
    /// Address of the simulator's own HTTP listener (`stackbridge simulator`).
    public var address = "127.0.0.1"
    /// Port of the simulator's own HTTP listener.
    public var port = 8081

    /// The defaults.
    public init() {}

    init(reading reader: inout SettingsReader) {
        jobDurationMilliseconds = reader.int(
            "simulator.jobDurationMilliseconds", default: jobDurationMilliseconds, in: 0...600_000)
        seed = reader.secret("simulator.seed", default: seed.exposedValue)
        if seed.isEmpty {
            reader.problem("simulator.seed", "must not be empty")
        }
        latencyMilliseconds = reader.int("simulator.latencyMilliseconds", default: latencyMilliseconds, in: 0...600_000)
        vms = reader.int("simulator.vms", default: vms, in: 0...100_000)
        address = reader.string("simulator.address", default: address)
        port = reader.int("simulator.port", default: port, in: 1...65535)
    }
}
