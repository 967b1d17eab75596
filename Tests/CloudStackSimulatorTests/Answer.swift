import Foundation
import Pipeline

/// The parsed answer to one call.
struct Answer {
    let status: Int
    let body: [UInt8]
    let headers: Headers

    /// The decoded JSON body.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// The object inside the `<r>` wrapper.
    func inner(_ responseName: String) -> [String: Any] { json[responseName] as? [String: Any] ?? [:] }

    var text: String { String(decoding: body, as: UTF8.self) }
}
