/// The ways an EC2 request can be signed.
public enum SignatureScheme: String, Sendable, Hashable, CaseIterable {
    /// SigV4 in the `Authorization` header.
    case v4Header = "SigV4"
    /// SigV4 in the query string (presigned).
    case v4Query = "SigV4-query"
    /// SigV2 with `HmacSHA256`.
    case v2HmacSHA256 = "SigV2-HmacSHA256"
    /// SigV2 with `HmacSHA1`.
    case v2HmacSHA1 = "SigV2-HmacSHA1"
}
