import CloudStackSimulator
import Pipeline

/// Hands the client's requests straight to an in-process simulator, recording each request target.
struct SimulatorTransport: Transport {
    let simulator: Simulator
    let log = CommandLog()

    func send(_ request: OutboundRequest) async throws -> InboundResponse {
        log.append(request.target + (request.body.isEmpty ? "" : "&" + String(decoding: request.body, as: UTF8.self)))
        let reply = simulator.handle(Request(method: request.method, uri: request.target, headers: request.headers, body: request.body))
        return InboundResponse(status: reply.response.status, headers: reply.response.headers, body: reply.response.body)
    }
}
