/// One parsed inbound HTTP request, as the front end hands it to the pipeline.
public struct Request: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request target exactly as received: path plus optional `?query`, still percent-encoded.
    public var uri: String
    /// The request headers.
    public var headers: Headers
    /// The request body bytes (empty for bodiless requests).
    public var body: [UInt8]
    /// The peer address, for logs.
    public var remoteAddress: String
    /// Whether the request arrived over TLS.
    public var isTLS: Bool

    /// Creates a request value.
    public init(
        method: HTTPMethod, uri: String, headers: Headers = Headers(), body: [UInt8] = [],
        remoteAddress: String = "", isTLS: Bool = false
    ) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.isTLS = isTLS
    }

    /// The path part of the target, still percent-encoded.
    public var path: Substring {
        if let q = uri.firstIndex(of: "?") { return uri[..<q] }
        return uri[...]
    }

    /// The raw query string after `?`, not decoded (SigV4 canonicalisation needs the raw form).
    public var rawQuery: Substring {
        if let q = uri.firstIndex(of: "?") { return uri[uri.index(after: q)...] }
        return ""
    }

    /// Whether the body is an `application/x-www-form-urlencoded` form.
    public var hasFormBody: Bool {
        guard let type = headers["content-type"] else { return false }
        return type.lowercased().hasPrefix("application/x-www-form-urlencoded")
    }
}
