/// A template: featured (BUILTIN, public), or a user's own (registered or created from a volume/snapshot).
struct Template: Sendable {
    var id: String
    var name: String
    var displayText: String
    var accountID: String
    var zoneID: String?
    var isPublic: Bool
    var isFeatured: Bool
    var isExtractable: Bool
    var passwordEnabled: Bool
    var sshKeyEnabled = false
    var format: String
    var hypervisor: String
    var osTypeID: String
    var osTypeName: String
    /// `BUILTIN` or `USER`.
    var templateType: String
    var size: Int64
    var created: Int64
    var url: String?
    var isReady: Bool
    var status: String
    var sourceTemplateID: String?
    /// Account names (within the owner's domain) given launch permission.
    var permittedAccounts: [String] = []
    var bits = 64
}
