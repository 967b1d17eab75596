// Pool benchmark (docs/performance.md "CloudStack client"): CloudStackClient over a
// PooledTransport calling listZones on the simulator behind a real HTTPServer on 127.0.0.1, with
// keep-alive connections vs a new connection per request, interleaved in one run.
//
//     PoolBench [seconds=3] [workers=32] [rounds=3] [pool=16] [cert=cert.pem key=key.pem]
//
// With cert and key (a certificate for 127.0.0.1) both sides speak HTTPS, and the client verifies the
// server against that certificate: then "per request" pays a full TLS handshake each time.
// "Per request" is honest: the server answers every request with `Connection: close`, so evhttp
// closes the connection after the reply and the pool discards it; the next request connects again.
import CloudStack
import CloudStackSimulator
import Crypto
import EventLoops
import Glibc
import Pipeline
import Synchronization

/// Counts the connections the server accepted.
final class ConnectionCounter: FrontEndObserver {
    let opened = Atomic<Int>(0)
    func connectionOpened(tls: Bool) { opened.add(1, ordering: .relaxed) }
    func connectionClosed(tls: Bool) {}
    func tlsHandshake(success: Bool) {}
    func shed(_ request: Request) {}
}

/// Serves the simulator; in per-request mode it asks evhttp to close each connection after the reply.
struct BenchResponder: Responder {
    let simulator: Simulator
    let closeEachConnection: Bool

    func respond(to request: Request, context: inout RequestContext) async -> Response {
        var response = simulator.handle(request).response
        if closeEachConnection { response.headers.add("Connection", "close") }
        return response
    }
}

/// One mode's result for one round.
struct Sample {
    var requestsPerSecond: Double
    var connections: Int
    var errors: Int
}

var options: [String: Int] = ["seconds": 3, "workers": 32, "rounds": 3, "pool": 16]
var files: [String: String] = [:]
for argument in CommandLine.arguments.dropFirst() {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    if parts.count == 2, parts[0] == "cert" || parts[0] == "key" {
        files[parts[0]] = parts[1]
        continue
    }
    guard parts.count == 2, let value = Int(parts[1]), options[parts[0]] != nil else {
        print("usage: PoolBench [seconds=3] [workers=32] [rounds=3] [pool=16] [cert=cert.pem key=key.pem]")
        exit(64)
    }
    options[parts[0]] = value
}
/// Both ends' TLS contexts, or nil for plain HTTP.
struct TLSPair: Sendable {
    let server: TLSServerContextHolder
    let client: TLSClientContext
}
var tls: TLSPair?
if let cert = files["cert"], let key = files["key"] {
    tls = TLSPair(
        server: TLSServerContextHolder(try TLSServerContext(certificateChainFile: cert, privateKeyFile: key)),
        client: try TLSClientContext(caFile: cert, verify: true))
}
let seconds = options["seconds"] ?? 3
let workers = options["workers"] ?? 32
let rounds = options["rounds"] ?? 3
let poolSize = options["pool"] ?? 16

func epochNanos() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Runs `workers` callers for `seconds` against a fresh server and client; one loop each.
func measure(closeEachConnection: Bool, tls: TLSPair?) async throws -> Sample {
    let simulator = Simulator(configuration: SimulatorConfiguration(jobDurationNanos: 0, seedData: .empty), clock: { epochNanos() })
    let keys = simulator.credentials[0]
    let credentials = CloudStackCredentials(apiKey: keys.apiKey, secretKey: keys.secretKey)
    let counter = ConnectionCounter()
    let serverGroup = try LoopGroup(count: 1)
    let server = try HTTPServer(
        group: serverGroup, listeners: [ListenerConfiguration(address: "127.0.0.1", port: 0, tls: tls?.server)],
        limits: FrontEndLimits(maxInFlightPerLoop: 100_000),
        responder: BenchResponder(simulator: simulator, closeEachConnection: closeEachConnection),
        reject: { _, status in Response.text(status, "refused") }, observer: counter)
    let clientGroup = try LoopGroup(count: 1)
    let transport = PooledTransport(
        group: clientGroup, endpoint: BackendEndpoint(host: "127.0.0.1", port: server.boundPorts[0], tls: tls?.client),
        configuration: BackendPoolConfiguration(size: poolSize, queueLimit: 100_000, queueDeadlineSeconds: 30))
    var configuration = ClientConfiguration()
    configuration.retry.maxRetries = 0
    let client = CloudStackClient(transport: transport, configuration: configuration)
    let deadline = monotonicNanos() + UInt64(seconds) * 1_000_000_000
    let start = monotonicNanos()
    // The callers run on the client loop, as request tasks do in StackBridge.
    let (done, errors) = await withTaskExecutorPreference(clientGroup.loops[0]) {
        await withTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done = 0
                    var errors = 0
                    while monotonicNanos() < deadline {
                        do {
                            _ = try await client.call(CommandTable.listZones, as: credentials)
                            done += 1
                        } catch {
                            errors += 1
                        }
                    }
                    return (done, errors)
                }
            }
            var total = (0, 0)
            for await (done, errors) in group {
                total.0 += done
                total.1 += errors
            }
            return total
        }
    }
    let elapsed = Double(monotonicNanos() - start) / 1e9
    await transport.shutdown()
    server.stopAccepting()
    server.close()
    serverGroup.shutdown()
    clientGroup.shutdown()
    return Sample(requestsPerSecond: Double(done) / elapsed, connections: counter.opened.load(ordering: .relaxed), errors: errors)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[(sorted.count - 1) / 2]
}

func format(_ value: Double) -> String {
    String(Int(value.rounded()))
}

var pooled: [Sample] = []
var perRequest: [Sample] = []
for round in 1...rounds {
    // Interleaved so drift on the shared machine hits both modes alike.
    pooled.append(try await measure(closeEachConnection: false, tls: tls))
    perRequest.append(try await measure(closeEachConnection: true, tls: tls))
    let p = pooled[pooled.count - 1]
    let n = perRequest[perRequest.count - 1]
    print(
        "round \(round): pooled \(format(p.requestsPerSecond)) req/s, \(p.connections) connections, \(p.errors) errors; "
            + "per-request \(format(n.requestsPerSecond)) req/s, \(n.connections) connections, \(n.errors) errors")
}
let pooledRate = median(pooled.map(\.requestsPerSecond))
let perRequestRate = median(perRequest.map(\.requestsPerSecond))
print()
print("| mode | req/s (median of \(rounds)) | connections opened (per round) | errors |")
print("|---|---|---|---|")
print(
    "| keep-alive pool (size \(poolSize)) | \(format(pooledRate)) | \(pooled.map { String($0.connections) }.joined(separator: ", ")) | \(pooled.map(\.errors).reduce(0, +)) |"
)
print(
    "| new connection per request | \(format(perRequestRate)) | \(perRequest.map { String($0.connections) }.joined(separator: ", ")) | \(perRequest.map(\.errors).reduce(0, +)) |"
)
print()
// The ratio within each round is steadier than the ratio of medians when the shared machine's load drifts.
let ratios = zip(pooled, perRequest).map { $1.requestsPerSecond > 0 ? $0.requestsPerSecond / $1.requestsPerSecond : 0 }
let ratio = median(ratios)
print(
    "keep-alive / per-request, median of per-round ratios: \((ratio * 100).rounded() / 100)x "
        + "(rounds: \(ratios.map { String(($0 * 100).rounded() / 100) }.joined(separator: ", ")))")
print(
    "(workers=\(workers), \(seconds) s per run, \(rounds) interleaved rounds, listZones as root admin, \(tls == nil ? "http" : "https"), 1 server loop + 1 client loop)"
)
