import Pipeline

/// Picks an injected fault for a request, using the deterministic PRNG.
enum Faults {
    static func pick(_ state: inout Simulator.State, command: Command, caller: Caller) -> Response? {
        let errors = state.configuration.errors
        if errors.internalErrorRate > 0, state.random.nextUnit() < errors.internalErrorRate {
            return ResponseBody.error(
                APIError(
                    code: 530, csCode: 9999,
                    text: "Internal error executing command, please contact your system administrator"), responseName: command.responseName)
        }
        if errors.resetRate > 0, state.random.nextUnit() < errors.resetRate {
            var response = Response(status: 200)
            response.fault = .resetConnection
            return response
        }
        if errors.truncateRate > 0, state.random.nextUnit() < errors.truncateRate {
            let body = Array("{\"\(command.responseName)\":{\"count\":1,\"padding\":\"\(String(repeating: "x", count: 64))\"}}".utf8)
            var response = ResponseBody.json(200, body)
            response.fault = .truncateBody(keep: body.count / 2)
            return response
        }
        if errors.invalidJSONRate > 0, state.random.nextUnit() < errors.invalidJSONRate {
            return ResponseBody.json(200, Array("{\"\(command.responseName)\":{\"count\":1,\"item\":[{\"id\":".utf8))
        }
        return nil
    }
}
