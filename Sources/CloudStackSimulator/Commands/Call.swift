import Crypto
import Pipeline

/// One command invocation: the caller, its parameters and the time, with CloudStack's parameter rules.
struct Call: Sendable {
    let command: Command
    let parameters: Parameters
    let caller: Caller
    /// Injected clock, epoch nanoseconds.
    let nowNanos: UInt64
    /// How long async jobs take.
    let jobNanos: UInt64
    /// An RSA key pair generated before the lock was taken (only for `createSSHKeyPair`).
    var generatedKey: RSAKeyPair? = nil
    /// Whether this command's job is to fail (`ErrorInjection.failingJobs`).
    var failsJob = false

    var nowSeconds: Int64 { Int64(nowNanos / Clock.nanosPerSecond) }
    var name: String { command.name }

    /// A parameter's value (empty strings count as absent, as CloudStack's unpacking treats them).
    func string(_ name: String) -> String? {
        guard let value = parameters[name], !value.isEmpty else { return nil }
        return value
    }

    /// Whether a parameter was sent, as a plain value or as a map (`name[0].key=…`).
    func has(_ name: String) -> Bool {
        if string(name) != nil { return true }
        let prefix = name + "["
        return parameters.names.contains { $0.hasPrefix(prefix) }
    }

    /// A required parameter, else 431 missing parameter.
    func required(_ name: String) throws -> String {
        guard let value = string(name) else { throw APIError.missing(command.name, name) }
        return value
    }

    /// `Boolean.valueOf`: `true` in any case is true, anything else false; nil when absent.
    func bool(_ name: String) -> Bool? {
        guard let value = string(name) else { return nil }
        return value.lowercased() == "true"
    }

    /// An integer parameter; 431 when it does not parse.
    func int(_ name: String) throws -> Int? {
        guard let value = string(name) else { return nil }
        guard let number = Int(value.trimmingSpaces) else {
            throw APIError.badValue(command.name, name, value, type: "integer")
        }
        return number
    }

    /// A long parameter; 431 when it does not parse.
    func long(_ name: String) throws -> Int64? {
        guard let value = string(name) else { return nil }
        guard let number = Int64(value.trimmingSpaces) else {
            throw APIError.badValue(command.name, name, value, type: "long")
        }
        return number
    }

    /// A size in GB (1 to `customdiskofferingmaxsize`, 1024) as bytes; 431 outside that range.
    func sizeInBytes(_ name: String) throws -> Int64? {
        guard let gigabytes = try long(name) else { return nil }
        guard gigabytes >= 1 else { throw APIError.invalid("Please specify a size of at least 1 GB.") }
        guard gigabytes <= 1024 else { throw APIError.invalid("Volume size \(gigabytes) GB exceeds the maximum allowed size of 1024 GB.") }
        return gigabytes << 30
    }

    /// A comma-separated list parameter.
    func list(_ name: String) -> [String]? {
        guard let value = string(name) else { return nil }
        return value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// A map parameter `name[i].field=value`, as index-ordered dictionaries of lower-cased fields.
    func map(_ name: String) -> [[String: String]] {
        var out: [[String: String]] = []
        var index = 0
        while true {
            let prefix = name + "[" + String(index) + "]."
            var entry: [String: String] = [:]
            for key in parameters.names where key.hasPrefix(prefix) {
                entry[String(key.dropFirst(prefix.count))] = parameters[key]
            }
            if entry.isEmpty { break }
            out.append(entry)
            index += 1
        }
        return out
    }

    /// Looks up the entity a UUID parameter names; 431 invalid value when none has that id.
    func entity<Row>(_ table: Table<Row>, _ name: String) throws -> Row? {
        guard let value = string(name) else { return nil }
        guard let row = table[value] else { throw APIError.invalidUUID(command.name, name, value) }
        return row
    }

    /// Like `entity` but the parameter is required.
    func requiredEntity<Row>(_ table: Table<Row>, _ name: String) throws -> Row {
        guard let row = try entity(table, name) else { throw APIError.missing(command.name, name) }
        return row
    }

    /// `AccountManager.checkAccess`: root admins reach everything, others only their own account.
    func checkAccess(_ ownerAccountID: String?, resource: String) throws {
        guard !caller.isAdmin, let ownerAccountID, ownerAccountID != caller.account.id else { return }
        throw APIError.permission(
            "Acct[\(caller.account.id)-\(caller.account.name)] does not have permission to operate with resource \(resource)")
    }

    /// The account a create command acts for: the caller's, or (admins) `account` + `domainid`.
    func owner(in world: World) throws -> Account {
        guard let name = string("account") else { return caller.account }
        let domainID = string("domainid") ?? caller.account.domainID
        guard let account = world.accounts.all.first(where: { $0.name == name && $0.domainID == domainID }) else {
            throw APIError.invalid("Unable to find account \(name) in domain id=\(domainID)")
        }
        try checkAccess(account.id, resource: "Acct[\(account.id)-\(account.name)]")
        return account
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
