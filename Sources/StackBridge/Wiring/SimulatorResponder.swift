import CloudStackSimulator
import Pipeline

/// Serves the in-process CloudStack simulator over HTTP, honouring its per-command latency.
struct SimulatorResponder: Responder {
    let simulator: Simulator

    func respond(to request: Request, context: inout RequestContext) async -> Response {
        let reply = simulator.handle(request)
        if reply.delayNanos > 0 {
            try? await simulator.clock.sleep(reply.delayNanos)
        }
        return reply.response
    }
}
