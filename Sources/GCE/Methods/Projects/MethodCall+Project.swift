import CloudStack

extension MethodCall {
    /// The caller's account [listUsers, then listAccounts id=…]: the user whose API key signed the call.
    func account() async throws(GCEError) -> Account {
        let users = try await listAll(CommandTable.listUsers)
        guard let user = users.first(where: { $0.apikey == credentials.apiKey }) ?? (users.count == 1 ? users.first : nil),
            let accountID = user.accountid
        else { throw GCEError.notFound("projects/\(project)") }
        guard let account = try await listAll(CommandTable.listAccounts, ["id": accountID]).first else {
            throw GCEError.notFound("projects/\(project)")
        }
        return account
    }

    /// The security group whose tags hold project metadata: the account's `default` one; with `create`, made
    /// when missing (only writes may create it: no GET has side effects).
    func metadataHolder(_ account: Account, create: Bool) async throws(GCEError) -> SecurityGroup? {
        var parameters: Parameters = ["securitygroupname": "default"]
        parameters["account"] = account.name
        parameters["domainid"] = account.domainid
        if let group = try await listAll(CommandTable.listSecurityGroups, parameters).first { return group }
        guard create else { return nil }
        return try await call(CommandTable.createSecurityGroup, ["name": "default", "description": "Default Security Group"])
    }
}
