import JSON

extension World {
    /// Writes a `UserResponse`; `secretkey` is never included (`use.secret.key.in.response=false`).
    func writeUser(_ user: User, into w: inout JSONWriter) {
        let account = accounts[user.accountID]
        w.beginObject()
        w.member("id", user.id)
        w.member("username", user.username)
        w.member("firstname", user.firstName)
        w.member("lastname", user.lastName)
        w.member("email", user.email)
        w.member("created", DateText.format(user.created))
        w.member("state", user.state)
        if let account {
            w.member("account", account.name)
            w.member("accounttype", account.type)
            w.member("usersource", "native")
            w.member("roleid", roleID(account))
            w.member("roletype", account.roleType)
            w.member("rolename", account.roleName)
            w.member("domainid", account.domainID)
            w.member("domain", domains[account.domainID]?.name ?? "ROOT")
            w.member("accountid", account.id)
        }
        w.member("apikey", user.apiKey)
        w.member("iscallerchilddomain", false)
        w.member("isdefault", account?.isRootAdmin ?? false)
        w.member("is2faenabled", false)
        w.member("is2famandated", false)
        w.endObject()
    }

    /// Writes an `AccountResponse` with its users and resource counts.
    func writeAccount(_ account: Account, into w: inout JSONWriter) {
        let vms = virtualMachines.filter { $0.accountID == account.id && $0.state != "Destroyed" && $0.state != "Expunging" }
        let volumeCount = volumes.filter { $0.accountID == account.id }.count
        w.beginObject()
        w.member("id", account.id)
        w.member("name", account.name)
        w.member("accounttype", account.type)
        w.member("roleid", roleID(account))
        w.member("roletype", account.roleType)
        w.member("rolename", account.roleName)
        w.member("domainid", account.domainID)
        w.member("domain", domains[account.domainID]?.name ?? "ROOT")
        w.member("domainpath", domains[account.domainID]?.path ?? "ROOT")
        w.member("created", DateText.format(account.created))
        w.member("networkdomain", account.networkDomain)
        let snapshots = snapshots.filter { $0.accountID == account.id }.count
        let templateCount = templates.filter { $0.accountID == account.id && $0.templateType == "USER" }.count
        let ipCount = publicIPs.filter { $0.accountID == account.id }.count
        let networkCount = networks.filter { $0.accountID == account.id }.count
        let vpcCount = vpcs.filter { $0.accountID == account.id }.count
        let primaryGB = volumes.filter { $0.accountID == account.id }.reduce(Int64(0)) { $0 + $1.size } >> 30
        let totals: [(StaticString, StaticString, StaticString, Int64)] = [
            ("vmlimit", "vmtotal", "vmavailable", Int64(vms.count)),
            ("iplimit", "iptotal", "ipavailable", Int64(ipCount)),
            ("volumelimit", "volumetotal", "volumeavailable", Int64(volumeCount)),
            ("snapshotlimit", "snapshottotal", "snapshotavailable", Int64(snapshots)),
            ("templatelimit", "templatetotal", "templateavailable", Int64(templateCount)),
            ("projectlimit", "projecttotal", "projectavailable", 0),
            ("networklimit", "networktotal", "networkavailable", Int64(networkCount)),
            ("vpclimit", "vpctotal", "vpcavailable", Int64(vpcCount)),
            ("cpulimit", "cputotal", "cpuavailable", Int64(vms.reduce(0) { $0 + $1.cpuNumber })),
            ("memorylimit", "memorytotal", "memoryavailable", Int64(vms.reduce(0) { $0 + $1.memory })),
            ("primarystoragelimit", "primarystoragetotal", "primarystorageavailable", primaryGB),
            ("secondarystoragelimit", "secondarystoragetotal", "secondarystorageavailable", 0),
        ]
        for (limit, total, available, used) in totals {
            w.member(limit, "Unlimited")
            w.member(total, used)
            w.member(available, "Unlimited")
        }
        w.member("vmstopped", vms.filter { $0.state == "Stopped" }.count)
        w.member("vmrunning", vms.filter { $0.state == "Running" }.count)
        w.member("state", "enabled")
        w.key("user")
        w.beginArray()
        for user in users.all where user.accountID == account.id { writeUser(user, into: &w) }
        w.endArray()
        w.member("isdefault", account.isRootAdmin)
        w.endObject()
    }

    /// A stable role UUID for the two built-in roles.
    func roleID(_ account: Account) -> String {
        account.isRootAdmin ? "e2b7a2b4-0000-4000-8000-000000000001" : "e2b7a2b4-0000-4000-8000-000000000004"
    }
}
