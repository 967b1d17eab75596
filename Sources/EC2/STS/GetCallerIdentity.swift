import CloudStack

/// STS `GetCallerIdentity` [listUsers]: the CloudStack user whose keys signed the request. `Account` is the
/// CloudStack account name, the `ownerId`/`userId` every EC2 answer gives (instances, security groups and their
/// rules' `userId`), so owner checks (Ansible's `ec2_security_group`) agree; `Arn`
/// `arn:aws:iam::<account>:user/<username>`, as DescribePrincipalIdFormat's `arn:aws:iam::<account>:root`;
/// `UserId` the CloudStack user's UUID.
enum GetCallerIdentity {
    /// Wire input: GetCallerIdentity has no members, so any parameter is `UnknownParameter`.
    struct Input: Decodable, Sendable {}

    /// The caller.
    struct Identity: Sendable, Equatable {
        let userID: String
        let account: String
        let arn: String
    }

    static let name = "GetCallerIdentity"
    /// STS's namespace (botocore's STS model: `xmlNamespace`).
    static let namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    /// The signing user, found by its API key among the users the caller sees (its account's).
    static func identity(in context: ActionContext) async throws -> Identity {
        let users = try await context.list(CommandTable.listUsers)
        guard let user = users.first(where: { $0.apikey == context.accessKeyID }), let id = user.id, let account = user.account,
            let username = user.username
        else { throw EC2Error.internalError() }
        return Identity(userID: id, account: account, arn: "arn:aws:iam::\(account):user/\(username)")
    }

    /// The response document:
    ///
    ///     <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
    ///     <Arn>…</Arn><UserId>…</UserId><Account>…</Account></GetCallerIdentityResult>
    ///     <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></GetCallerIdentityResponse>
    static func document(_ identity: Identity, requestID: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(400)
        out.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
        out.append(contentsOf: "\n<GetCallerIdentityResponse xmlns=\"\(namespace)\"><GetCallerIdentityResult><Arn>".utf8)
        XMLText.append(identity.arn, to: &out)
        out.append(contentsOf: "</Arn><UserId>".utf8)
        XMLText.append(identity.userID, to: &out)
        out.append(contentsOf: "</UserId><Account>".utf8)
        XMLText.append(identity.account, to: &out)
        out.append(contentsOf: "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>".utf8)
        XMLText.append(requestID, to: &out)
        out.append(contentsOf: "</RequestId></ResponseMetadata></GetCallerIdentityResponse>".utf8)
        return out
    }

    /// The decoded request, ready to run; other STS actions are `InvalidAction`.
    static func prepare(action: String, parameters: QueryParameters) throws -> PreparedAction {
        guard action == name else {
            throw EC2Error(
                code: "InvalidAction",
                message: "The STS action \(XMLSafeName.clip(action)) is not supported: this gateway answers only GetCallerIdentity.")
        }
        _ = try QueryDecoder().decode(Input.self, from: parameters)
        return PreparedAction { context in
            let caller = try await STSError.wrapping { try await identity(in: context) }
            return ActionOutcome { requestID in document(caller, requestID: requestID) }
        }
    }
}
