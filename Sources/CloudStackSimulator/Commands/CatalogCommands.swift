import JSON

/// listZones, listRegions, listServiceOfferings, listDiskOfferings, listCapabilities, listResourceLimits.
enum CatalogCommands {
    static let all: [Command] = [zones, regions, serviceOfferings, diskOfferings, capabilities, resourceLimits]

    static let zones = Command(
        "listZones",
        accepts: ["available", "id", "keyword", "name", "networktype", "page", "pagesize", "showcapacities", "tags", "domainid"]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name"), type = call.string("networktype")?.lowercased()
        let zones = world.zones.filter { zone in
            if let id, zone.id != id { return false }
            if let name, zone.name != name { return false }
            if let type, zone.networkType.lowercased() != type { return false }
            return query.matchesKeyword(zone.name, zone.description) && query.matchesTags(world.tags(of: zone.id))
        }
        query.write(zones, item: "zone", into: &w) { zone, w in world.writeZone(zone, into: &w) }
    }

    static let regions = Command("listRegions", accepts: ["id", "keyword", "name", "page", "pagesize"]) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = try call.int("id"), name = call.string("name")
        let regions = world.regions.filter { region in
            if let id, region.id != id { return false }
            if let name, region.name != name { return false }
            return query.matchesKeyword(region.name)
        }
        query.write(regions, item: "region", into: &w) { region, w in world.writeRegion(region, into: &w) }
    }

    static let serviceOfferings = Command(
        "listServiceOfferings",
        accepts: [
            "id", "keyword", "name", "page", "pagesize", "zoneid", "issystem", "virtualmachineid", "domainid", "isrecursive", "listall",
            "cpunumber", "memory", "cpuspeed",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name")
        if call.bool("issystem") == true && !call.caller.isAdmin {
            throw APIError.permission("Only ROOT admins can access system's offering")
        }
        let offerings = world.serviceOfferings.filter { offering in
            if let id, offering.id != id { return false }
            if let name, offering.name != name { return false }
            return call.bool("issystem") != true && query.matchesKeyword(offering.name, offering.displayText)
        }
        query.write(offerings, item: "serviceoffering", into: &w) { offering, w in world.writeServiceOffering(offering, into: &w) }
    }

    static let diskOfferings = Command(
        "listDiskOfferings",
        accepts: ["id", "keyword", "name", "page", "pagesize", "zoneid", "domainid", "isrecursive", "listall", "volumeid", "storageid"]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name")
        let offerings = world.diskOfferings.filter { offering in
            if let id, offering.id != id { return false }
            if let name, offering.name != name { return false }
            return query.matchesKeyword(offering.name, offering.displayText)
        }
        query.write(offerings, item: "diskoffering", into: &w) { offering, w in world.writeDiskOffering(offering, into: &w) }
    }

    static let capabilities = Command("listCapabilities") { world, call, w in
        w.beginObject()
        w.key("capability")
        w.beginObject()
        w.member("securitygroupsenabled", world.zones.all.contains { $0.securityGroupsEnabled })
        w.member("dynamicrolesenabled", true)
        w.member("cloudstackversion", "4.18.0.0")
        w.member("userpublictemplateenabled", true)
        w.member("supportELB", "false")
        w.member("projectinviterequired", false)
        w.member("allowusercreateprojects", true)
        w.member("customdiskofferingminsize", 1)
        w.member("customdiskofferingmaxsize", 1024)
        w.member("regionsecondaryenabled", false)
        w.member("kvmsnapshotenabled", false)
        w.member("allowuserviewdestroyedvm", false)
        w.member("allowuserexpungerecovervm", false)
        w.member("allowuserexpungerecovervolume", true)
        w.member("allowuserviewalldomainaccounts", false)
        w.member("kubernetesserviceenabled", false)
        w.member("kubernetesclusterexperimentalfeaturesenabled", false)
        w.member("defaultuipagesize", ListQuery.maxPageSize)
        w.member("instancesstatsretentiontime", 720)
        w.member("instancesstatsuseronly", false)
        w.member("instancesdisksstatsretentionenabled", false)
        w.member("instancesdisksstatsretentiontime", 720)
        w.endObject()
        w.endObject()
    }

    /// The resource types `listResourceLimits` reports (`Resource.ResourceType` ordinals).
    static let limitTypes: [(Int, String)] = [
        (0, "user_vm"), (1, "public_ip"), (2, "volume"), (3, "snapshot"), (4, "template"), (5, "project"), (6, "network"),
        (7, "vpc"), (8, "cpu"), (9, "memory"), (10, "primary_storage"), (11, "secondary_storage"),
    ]

    static let resourceLimits = Command(
        "listResourceLimits",
        accepts: [
            "account", "domainid", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "projectid", "resourcetype",
            "resourcetypename",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let type = try call.int("resourcetype"), typeName = call.string("resourcetypename")
        if let type, !limitTypes.contains(where: { $0.0 == type }) {
            throw APIError.invalid("Please specify a valid resource type.")
        }
        let account = call.caller.account
        let rows = limitTypes.filter { entry in
            if let type, entry.0 != type { return false }
            if let typeName, entry.1 != typeName { return false }
            return query.includes(account: account.id)
        }
        query.write(rows, item: "resourcelimit", into: &w) { entry, w in
            w.beginObject()
            w.member("account", account.name)
            w.member("domainid", account.domainID)
            w.member("domain", world.domains[account.domainID]?.name ?? "ROOT")
            w.member("resourcetype", String(entry.0))
            w.member("resourcetypename", entry.1)
            w.member("max", -1)
            w.endObject()
        }
    }
}
