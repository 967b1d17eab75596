import Crypto

extension World {
    /// Creates the fixed cloud once (domain, admin, region, zones, offerings, templates), then the
    /// requested user accounts and their VMs, volumes and tags. Calling it again adds more.
    mutating func seed(_ data: SeedData, seed: String, nowSeconds: Int64) {
        revision &+= 1
        if accounts.count == 0 { seedCloud(seed: seed, now: nowSeconds) }
        let existing = accounts.filter { !$0.isRootAdmin }.count
        for index in 0..<max(0, data.userAccounts - existing) {
            addAccount(name: "user\(existing + index + 1)", type: 0, seed: seed, now: nowSeconds)
        }
        let userAccounts = accounts.filter { !$0.isRootAdmin }.prefix(max(data.userAccounts, 0))
        let zoneList = zones.all
        for account in userAccounts {
            guard let user = users.all.first(where: { $0.accountID == account.id }) else { continue }
            let caller = Caller(user: user, account: account)
            let (firstTemplate, firstOffering) = (templates.all.first, serviceOfferings.all.first)
            for index in 0..<data.vmsPerAccount {
                let zone = zoneList[index % zoneList.count]
                guard let template = firstTemplate, let offering = firstOffering else { break }
                var vm = createVirtualMachine(
                    caller: caller, owner: account, zone: zone, template: template, offering: offering,
                    cpu: offering.cpuNumber ?? 1, speed: offering.cpuSpeed ?? 500, memory: offering.memory ?? 512,
                    name: nil, displayName: nil, networkIDs: [], securityGroupIDs: [], keyPairs: [], userData: nil,
                    rootSize: nil, now: nowSeconds, seeding: true)
                vm.state = "Running"
                vm.hostID = zone.id
                virtualMachines[vm.id] = vm
                for tagIndex in 0..<data.tagsPerVM {
                    addTag(
                        ResourceTag(
                            key: "key\(tagIndex)", value: "value\(tagIndex)", resourceID: vm.id,
                            resourceType: "UserVm", accountID: account.id))
                }
            }
            for _ in 0..<data.volumesPerAccount {
                let id = ids.next()
                let offering = diskOfferings.all.first
                volumes[id] = Volume(
                    id: id, name: "DATA-" + String(ids.nextNumber()), accountID: account.id,
                    zoneID: zoneList[0].id, type: "DATADISK",
                    size: (offering?.diskSizeGB ?? 5) << 30, state: "Allocated",
                    diskOfferingID: offering?.id, created: nowSeconds)
            }
        }
    }

    private mutating func seedCloud(seed: String, now: Int64) {
        let rootID = ids.next()
        domains[rootID] = Domain(id: rootID, name: "ROOT", path: "ROOT")
        addAccount(name: "admin", type: 1, seed: seed, now: now)
        regions = [Region(id: 1, name: "Local", endpoint: "http://localhost:8080/client/")]
        guestOSID = ids.next()
        isolatedNetworkOfferingID = ids.next()
        vpcOfferingID = ids.next()
        sharedNetworkOfferingID = ids.next()
        vpcTierNetworkOfferingID = ids.named("networkoffering/DefaultIsolatedNetworkOfferingForVpcNetworks")
        seedBuiltInACLs()

        var basic = Zone(
            id: ids.next(), name: "Sandbox-simulator-basic", networkType: "Basic", securityGroupsEnabled: true,
            description: "Basic zone with security groups", publicPrefix: "192.168.")
        let shared = ids.next()
        networks[shared] = Network(
            id: shared, name: "guestNetworkForBasicZone", displayText: "guestNetworkForBasicZone",
            accountID: nil, zoneID: basic.id, type: "Shared", cidr: "10.1.0.0/16", gateway: "10.1.0.1",
            netmask: "255.255.0.0", state: "Setup", networkOfferingID: sharedNetworkOfferingID, created: now)
        basic.defaultNetworkID = shared
        zones[basic.id] = basic
        let advanced = Zone(
            id: ids.next(), name: "Sandbox-simulator-advanced", networkType: "Advanced",
            securityGroupsEnabled: false, description: "Advanced zone with isolated networks and VPCs",
            publicPrefix: "172.16.")
        zones[advanced.id] = advanced

        for (name, text, cpu, speed, memory) in [
            ("Small Instance", "Small Instance", 1, 500, 512), ("Medium Instance", "Medium Instance", 1, 1000, 1024),
            ("Large Instance", "Large Instance", 2, 2000, 4096),
        ] {
            let id = ids.next()
            serviceOfferings[id] = ServiceOffering(
                id: id, name: name, displayText: text, cpuNumber: cpu, cpuSpeed: speed,
                memory: memory, created: now)
        }
        let custom = ids.next()
        serviceOfferings[custom] = ServiceOffering(
            id: custom, name: "Custom", displayText: "Custom CPU and memory",
            cpuNumber: nil, cpuSpeed: nil, memory: nil, created: now)
        for (name, text, size) in [
            ("Small", "Small Disk, 5 GB", 5), ("Medium", "Medium Disk, 20 GB", 20),
            ("Large", "Large Disk, 100 GB", 100), ("Custom", "Custom Disk", 0),
        ] as [(String, String, Int64)] {
            let id = ids.next()
            diskOfferings[id] = DiskOffering(id: id, name: name, displayText: text, diskSizeGB: size, created: now)
        }
        guard let admin = accounts.all.first else { return }
        for (name, osName, password) in [
            ("CentOS 5.3(64-bit) no GUI (Simulator)", "CentOS 5.3 (64-bit)", false),
            ("Ubuntu 22.04 LTS (Simulator)", "Ubuntu 22.04 LTS", true),
        ] {
            let id = ids.next()
            templates[id] = Template(
                id: id, name: name, displayText: name, accountID: admin.id, zoneID: nil, isPublic: true, isFeatured: true,
                isExtractable: false, passwordEnabled: password, format: "VHD", hypervisor: "Simulator", osTypeID: guestOSID,
                osTypeName: osName, templateType: "BUILTIN", size: 2 << 30, created: now,
                url: "http://download.cloudstack.org/templates/simulator.vhd.bz2", isReady: true,
                status: "Download Complete")
        }
    }

    /// Adds an account with one user whose key pair derives from the seed.
    @discardableResult
    mutating func addAccount(name: String, type: Int, seed: String, now: Int64) -> Account {
        let domainID = domains.all.first?.id ?? ""
        let account = Account(
            id: ids.next(), name: name, domainID: domainID, type: type, created: now,
            number: accounts.count + 2)
        accounts[account.id] = account
        let user = User(
            id: ids.next(), username: name, accountID: account.id,
            apiKey: World.derivedKey(seed: seed, purpose: "apikey/" + name),
            secretKey: World.derivedKey(seed: seed, purpose: "secretkey/" + name),
            password: String(World.derivedKey(seed: seed, purpose: "password/" + name).prefix(16)),
            firstName: name, lastName: type == 1 ? "cloud" : "user", email: name + "@example.org", created: now)
        users[user.id] = user
        userIDByAPIKey[user.apiKey] = user.id
        let group = SecurityGroup(id: ids.next(), name: "default", description: "Default Security Group", accountID: account.id)
        securityGroups[group.id] = group
        if type == 0, let advanced = zones.all.first(where: { $0.networkType == "Advanced" }) {
            let networkID = ids.next()
            let octet = accounts.count + 1
            networks[networkID] = Network(
                id: networkID, name: name + "-network", displayText: name + "-network",
                accountID: account.id, zoneID: advanced.id, type: "Isolated",
                cidr: "10.\(octet).0.0/16", gateway: "10.\(octet).0.1", netmask: "255.255.0.0",
                state: "Implemented", networkOfferingID: isolatedNetworkOfferingID, created: now)
            let ipID = ids.next()
            publicIPs[ipID] = PublicIPAddress(
                id: ipID, address: nextPublicAddress(zone: advanced), accountID: account.id,
                zoneID: advanced.id, networkID: networkID, isSourceNat: true, state: "Allocated",
                allocated: now)
        }
        return account
    }

    /// An 86-character URL-safe key (like CloudStack's) from HMAC-SHA256 of the seed. Demo-only.
    static func derivedKey(seed: String, purpose: String) -> String {
        let first = HMAC.authenticate(.sha256, key: seed, message: purpose + "/1")
        let second = HMAC.authenticate(.sha256, key: seed, message: purpose + "/2")
        return Base64.encode(first + second, urlSafe: true, padding: false)
    }
}
