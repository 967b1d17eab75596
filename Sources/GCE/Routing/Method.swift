import Pipeline

/// One row of the method table: a `GCEMethod` with its types erased, so routing can hold every method in one list.
struct Method: Sendable {
    /// The decoded input bound to the method's `call`: what `decode` hands on to `translate` and `call`.
    struct Decoded: Sendable {
        let run: @Sendable (MethodCall) async throws -> any SchemaObject
    }

    /// The discovery method id, e.g. `compute.instances.list`.
    let id: String
    /// The discovery `httpMethod`.
    let httpMethod: HTTPMethod
    /// The discovery `path`, relative to `/compute/v1/`.
    let path: String
    /// The method's `decode`, its result bound to its `call`.
    let decode: @Sendable (MethodRequest) throws(GCEError) -> Decoded

    init<M: GCEMethod>(_ method: M.Type) {
        id = M.id
        httpMethod = M.httpMethod
        path = M.path
        decode = { request throws(GCEError) in
            let input = try M.decode(request)
            return Decoded { context in try await M.call(input, in: context) }
        }
    }
}
