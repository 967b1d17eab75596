/// The compute v1 discovery document StackBridge serves at `/discovery/v1/apis/compute/v1/rest`.
///
/// Google's document (a subset: decision 0003) with `rootUrl`, `baseUrl` and `mtlsRootUrl` pointing at the
/// configured public URL; everything else, including name patterns, is Google's. Built once at start-up.
public struct DiscoveryDocument: Sendable {
    /// The served bytes.
    public let bytes: [UInt8]

    /// The document for a bridge reachable at `publicBaseURL` (e.g. `https://127.0.0.1:8443`).
    public init(publicBaseURL: String) {
        var base = publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        var text = Self.original
        for (from, to) in [
            ("\"rootUrl\":\"https://compute.googleapis.com/\"", "\"rootUrl\":\"\(base)/\""),
            ("\"mtlsRootUrl\":\"https://compute.mtls.googleapis.com/\"", "\"mtlsRootUrl\":\"\(base)/\""),
            ("\"baseUrl\":\"https://compute.googleapis.com/compute/v1/\"", "\"baseUrl\":\"\(base)/compute/v1/\""),
        ] {
            text = text.replacing(from, with: to)
        }
        bytes = Array(text.utf8)
    }

    /// Google's text, as embedded.
    static var original: String {
        var text = ""
        text.reserveCapacity(embeddedChunks.count * 4000)
        for chunk in embeddedChunks {
            chunk.withUTF8Buffer { text += String(decoding: $0, as: UTF8.self) }
        }
        return text
    }
}
