import Pipeline

/// Picks an injected fault for a request, using the deterministic PRNG.
enum Faults {
    static func pick(_ state: inout Simulator.State, command: Command, caller: Caller) -> Response? {
        let errors = state.configuration.errors
        if errors.internalErrorRate > 0, state.random.nextUnit() < errors.internalErrorRate {
            return ResponseBody.error(APIError(code: 530, csCode: 9999,
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

/// SplitMix64: a tiny deterministic generator, so fault sequences repeat for a given seed.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
