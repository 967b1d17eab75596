/// Which API a request belongs to, decided by routing.
public enum API: String, Sendable, Hashable, CaseIterable {
    /// The EC2 Query API.
    case ec2
    /// The GCE compute v1 REST API, its discovery document and its OAuth2 endpoints.
    case gce
    /// Anything else: answered 404.
    case none
}
