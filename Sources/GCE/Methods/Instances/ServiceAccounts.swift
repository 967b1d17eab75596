import CloudStack

/// instances.insert's `serviceAccounts`. CloudStack 4.18 VMs get no credentials from a metadata server, so the only
/// value accepted is GCE's default one: at most one account, its email `default`, with any scopes. libcloud's
/// `create_node` always sends exactly that. The scopes are kept in the `gce-service-account-scopes` tag (space
/// separated, `https://www.googleapis.com/auth/` dropped) and the instance shows them back; any other email is a 400
/// naming it (docs/gce.md, "What CloudStack cannot map").
struct ServiceAccounts: Sendable, Equatable {
    static let tagKey = "gce-service-account-scopes"
    static let email = "default"
    static let scopePrefix = "https://www.googleapis.com/auth/"

    /// The scopes, in full URL form, in the order given.
    let scopes: [String]

    /// Reads `resource.serviceAccounts`; nil when absent or empty.
    static func decode(_ body: BodyValue) throws(GCEError) -> ServiceAccounts? {
        let accounts = try body.array("serviceAccounts", at: "resource.serviceAccounts")
        guard let first = accounts.first else { return nil }
        guard accounts.count == 1 else {
            throw GCEError.invalid("Invalid value for field 'resource.serviceAccounts': an instance has at most one service account")
        }
        let account = try first.requireObject("resource.serviceAccounts[0]")
        let email = try account.string("email", at: "resource.serviceAccounts[0].email") ?? email
        guard email == Self.email else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.serviceAccounts[0].email': '\(email.prefix(128))'. CloudStack VMs have no "
                    + "metadata-server identity: only the 'default' service account is accepted")
        }
        let scopes = try account.strings("scopes", at: "resource.serviceAccounts[0].scopes").map { scope in
            scope.hasPrefix("https://") ? scope : scopePrefix + scope
        }
        for scope in scopes where scope.contains(" ") || scope == scopePrefix {
            throw GCEError.invalid("Invalid value for field 'resource.serviceAccounts[0].scopes': '\(scope.prefix(128))'")
        }
        let kept = ServiceAccounts(scopes: scopes)
        guard kept.tagValue.utf8.count <= MetadataTags.chunk else {
            throw GCEError.invalid("Invalid value for field 'resource.serviceAccounts[0].scopes': too many scopes to keep")
        }
        return kept
    }

    /// The value of the tag that keeps the scopes.
    var tagValue: String {
        scopes.map { $0.hasPrefix(Self.scopePrefix) ? String($0.dropFirst(Self.scopePrefix.count)) : $0 }.joined(separator: " ")
    }

    /// The service account kept on a VM, if any.
    static func of(_ tags: [CloudStack.Tag]) -> ServiceAccounts? {
        guard let value = tags.first(where: { $0.key == tagKey })?.value else { return nil }
        let scopes = value.split(separator: " ").map { part in
            part.hasPrefix("https://") ? String(part) : scopePrefix + part
        }
        return ServiceAccounts(scopes: scopes)
    }
}
