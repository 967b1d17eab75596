import JSON

/// listAccounts, listUsers, getUser, getUserKeys.
enum AccountCommands {
    static let all: [Command] = [accounts, users, getUser, getUserKeys]

    static let accounts = Command(
        "listAccounts",
        accepts: [
            "accounttype", "domainid", "id", "isrecursive", "keyword", "listall", "name", "page", "pagesize", "state", "details",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name"), type = try call.int("accounttype")
        let caller = call.caller
        let rows = world.accounts.filter { a in
            // Admins see every account without listall (listAccounts is domain-scoped); users only their own.
            if !caller.isAdmin && a.id != caller.account.id { return false }
            if let id, a.id != id { return false }
            if let name, a.name != name { return false }
            if let type, a.type != type { return false }
            return query.matchesKeyword(a.name)
        }
        query.write(rows, item: "account", into: &w) { account, w in world.writeAccount(account, into: &w) }
    }

    static let users = Command(
        "listUsers",
        accepts: [
            "account", "accounttype", "domainid", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "state", "username",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), username = call.string("username"), state = call.string("state")?.lowercased()
        let caller = call.caller
        let rows = world.users.filter { u in
            if !caller.isAdmin && u.accountID != caller.account.id { return false }
            if caller.isAdmin, call.string("account") != nil, !query.includes(account: u.accountID) { return false }
            if let id, u.id != id { return false }
            if let username, u.username != username { return false }
            if let state, u.state != state { return false }
            return query.matchesKeyword(u.username, u.firstName, u.lastName, u.email)
        }
        query.write(rows, item: "user", into: &w) { user, w in world.writeUser(user, into: &w) }
    }

    static let getUser = Command("getUser", admin: true, required: ["userapikey"]) { world, call, w in
        let key = try call.required("userapikey")
        guard let userID = world.userIDByAPIKey[key], let user = world.users[userID] else {
            throw APIError.invalid("User with specified API key does not exist")
        }
        w.beginObject()
        w.key("user")
        world.writeUser(user, into: &w)
        w.endObject()
    }

    // Root admin only here: the simulator seeds no domain admins, and role User may only read its own keys.
    static let getUserKeys = Command("getUserKeys", required: ["id"]) { world, call, w in
        let user = try call.requiredEntity(world.users, "id")
        if !call.caller.isAdmin && user.id != call.caller.user.id {
            throw APIError.permission(
                "Acct[\(call.caller.account.id)-\(call.caller.account.name)] does not have permission to operate with resource Acct[\(user.accountID)]"
            )
        }
        w.beginObject()
        w.key("userkeys")
        w.beginObject()
        w.member("apikey", user.apiKey)
        w.member("secretkey", user.secretKey)
        w.endObject()
        w.endObject()
    }
}
