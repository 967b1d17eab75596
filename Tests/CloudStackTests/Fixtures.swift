import CloudStack
import Foundation
import JSON
import Pipeline
import TestSupport

/// Decoding helpers over the repository's CloudStack samples (`TestSupport.Fixtures` finds them).
extension Fixtures {
    /// Decodes a sample with a command as if CloudStack had answered it with HTTP 200.
    static func decode<C: CloudStackCommand>(_ command: C, _ relativePath: String) throws -> C.Result {
        try ResponseDecoder.decode(command, InboundResponse(status: 200, body: try sample(relativePath)))
    }

    /// Decodes a bare object sample (the `*_search.json`/`valid_get_*` files hold one object, no wrapper).
    static func decodeObject<T: CloudStackDecodable>(_ type: T.Type, _ relativePath: String) throws -> T {
        try JSONReader.read(try sample(relativePath)) { (r: inout JSONReader) throws(JSONError) -> T in try T.decode(from: &r) }
    }
}
