import JSON
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

extension Method {
    /// A method still written as one closure that reads the raw request inside `call` (being converted to `GCEMethod`).
    init(_ id: String, _ httpMethod: HTTPMethod, _ path: String, _ run: @escaping @Sendable (MethodCall) async throws -> [UInt8]) {
        self.id = id
        self.httpMethod = httpMethod
        self.path = path
        decode = { request throws(GCEError) in
            Decoded { context in RawJSON(bytes: try await run(context.reading(request))) }
        }
    }
}

/// A body some unconverted method already wrote.
struct RawJSON: SchemaObject {
    let bytes: [UInt8]
    func write(to w: inout JSONWriter) { w.raw(bytes) }
}
