// A load-test target for the front end (docs/performance.md): the same listeners and loops as
// StackBridge, answering a fixed 5-byte body either through the full async pipeline (a task per
// request on the loop's executor, PhasedResponder's six phases) or straight from the evhttp callback.
//
//     FrontEndServer pipeline|direct <port> [loops] [cert.pem key.pem]
import Crypto
import Dispatch
import EventLoops
import Glibc
import Pipeline

/// A pipeline whose phases do nothing: what remains is the cost of the machinery itself.
struct TrivialPipeline: APIPipeline {
    static let body = Array("hello".utf8)
    func route(_ request: Request, context: inout RequestContext) throws -> Request { request }
    func authenticate(_ routed: Request, context: inout RequestContext) async throws -> Request { routed }
    func decode(_ authenticated: Request, context: inout RequestContext) throws -> Request { authenticated }
    func translate(_ decoded: Request, context: inout RequestContext) async throws -> Request { decoded }
    func call(_ translated: Request, context: inout RequestContext) async throws -> Request { translated }
    func render(_ called: Request, context: inout RequestContext) throws -> Response {
        Response(status: 200, headers: Headers([("Content-Type", "text/plain")]), body: TrivialPipeline.body)
    }
    func renderError(_ error: any Error, context: RequestContext) -> Response { Response.text(500, "error") }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let port = Int(arguments[2]) else {
    print("usage: FrontEndServer pipeline|direct <port> [loops] [cert.pem key.pem]")
    exit(64)
}
let direct = arguments[1] == "direct"
let loops = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
var tls: TLSServerContextHolder?
if arguments.count > 5 {
    tls = TLSServerContextHolder(try TLSServerContext(certificateChainFile: arguments[4], privateKeyFile: arguments[5]))
}
let group = try LoopGroup(count: loops)
let fixed = Response(status: 200, headers: Headers([("Content-Type", "text/plain")]), body: TrivialPipeline.body)
let server = try HTTPServer(
    group: group, listeners: [ListenerConfiguration(address: "127.0.0.1", port: port, tls: tls)],
    limits: FrontEndLimits(maxInFlightPerLoop: 100_000), responder: StageList([], terminal: PhasedResponder(TrivialPipeline())),
    reject: { _, status in Response.text(status, "rejected") }, staticReply: direct ? fixed : nil)
print("listening on \(server.boundPorts[0]) mode=\(direct ? "direct" : "pipeline") loops=\(loops) tls=\(tls != nil)")
fflush(nil)
signal(SIGTERM, SIG_IGN)
let stop = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .main)
stop.setEventHandler {
    server.stopAccepting()
    server.close()
    group.shutdown()
    exit(0)
}
stop.resume()
dispatchMain()
