/// A VPC static route to a private gateway.
struct StaticRoute: Sendable {
    var id: String
    var gatewayID: String
    var vpcID: String
    var accountID: String
    var cidr: String
    /// `Add` while its job runs, then `Active`.
    var state: String
}
