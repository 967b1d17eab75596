/// Which API a request belongs to, decided by routing.
public enum API: String, Sendable, Hashable, CaseIterable {
    /// The EC2 Query API.
    case ec2
    /// The GCE compute v1 REST API (`/compute/v1/...`).
    case gce
    /// Google's OAuth2 endpoints that issue GCE tokens (`/oauth2/...`, `/o/oauth2/...`, `/token`).
    case oauth
    /// The compute v1 discovery document (`/discovery/...`).
    case discovery
    /// GCE batch requests (`POST /batch/compute/v1`, `/batch`): multipart/mixed, each part a compute v1 request.
    case batch
    /// Anything else: answered 404.
    case none
}
