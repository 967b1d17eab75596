import Crypto
public import Pipeline

/// Gives every request an id (32 random hex digits unless the front end set one) and returns it
/// to the client as `x-request-id` on every response, errors included.
///
/// Compose it outermost so the id exists before any other stage logs or counts.
public struct RequestIDStage: Stage {
    /// The response header carrying the id.
    public static let headerName = "x-request-id"

    /// Creates the stage.
    public init() {}

    /// Ensures the id, runs the rest of the chain, and sets the header on its response.
    public func handle(
        _ request: Request, context: inout RequestContext,
        next: (Request, inout RequestContext) async -> Response
    ) async -> Response {
        if context.requestID.isEmpty {
            context.requestID = RequestIDStage.makeID()
        }
        var response = await next(request, &context)
        response.headers.set(RequestIDStage.headerName, context.requestID)
        return response
    }

    /// A fresh id: 16 bytes from the CSPRNG as lower-case hex.
    public static func makeID() -> String {
        // Hex digits written here rather than with `Crypto.Hex.encode`: that generic function is not
        // specialised across the module boundary and cost several µs per request in a profile.
        let random = SecureRandom.bytes(16)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for (index, byte) in random.enumerated() {
                buffer[2 * index] = hexDigits[Int(byte >> 4)]
                buffer[2 * index + 1] = hexDigits[Int(byte & 0x0F)]
            }
            return 32
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
