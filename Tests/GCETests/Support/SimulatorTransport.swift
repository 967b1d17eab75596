import CloudStackSimulator
import Pipeline

/// Hands the client's requests straight to an in-process simulator, recording each request target.
struct SimulatorTransport: Transport {
    let simulator: Simulator
    let log = CommandLog()
    let faults = CommandFaults()

    func send(_ request: OutboundRequest) async throws -> InboundResponse {
        log.append(request.target + (request.body.isEmpty ? "" : "&" + String(decoding: request.body, as: UTF8.self)))
        if let refusal = faults.reply(to: request.target) {
            return InboundResponse(status: 431, body: refusal)
        }
        let reply = simulator.handle(Request(method: request.method, uri: request.target, headers: request.headers, body: request.body))
        return InboundResponse(status: reply.response.status, headers: reply.response.headers, body: reply.response.body)
    }
}
