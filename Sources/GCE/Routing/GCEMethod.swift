import JSON
import Pipeline

/// One compute v1 method: its discovery id, HTTP method and path verbatim, its typed input and output.
///
/// Declared once per file under `Methods/<Resource>/<Method>.swift` and registered by one line in `MethodTable`.
/// `decode` builds and validates the whole input from the request alone, so bad input of any kind is refused
/// before any CloudStack call; `call` resolves names and runs CloudStack; the pipeline's `render` writes the
/// output with the byte-level JSON writer (an empty document is a 204).
protocol GCEMethod: Sendable {
    /// Path parameters, list options and the body as typed, validated values.
    associatedtype Input: Sendable
    /// A schema object, list or operation.
    associatedtype Output: SchemaObject
    /// The discovery method id, e.g. `compute.instances.list`.
    static var id: String { get }
    /// The discovery `httpMethod`.
    static var httpMethod: HTTPMethod { get }
    /// The discovery `path`, relative to `/compute/v1/`.
    static var path: String { get }
    /// Builds the typed input; throws the GCE error for anything malformed. Never calls CloudStack.
    static func decode(_ request: MethodRequest) throws(GCEError) -> Input
    /// Runs the method against CloudStack as the caller.
    static func call(_ input: Input, in context: MethodCall) async throws -> Output
}

/// The output of methods that answer 204 with no body (`operations.delete`).
struct NoContent: SchemaObject {
    func write(to w: inout JSONWriter) {}
}
