import JSON

/// listTemplates, registerTemplate, createTemplate, updateTemplate, deleteTemplate, update/listTemplatePermissions, listOsTypes.
enum TemplateCommands {
    static let all: [Command] = [list, register, create, update, delete, updatePermissions, listPermissions, osTypes]

    static let filters = ["featured", "self", "selfexecutable", "sharedexecutable", "executable", "community", "all"]

    /// Whether the caller sees a template under a `templatefilter`.
    static func visible(_ t: Template, filter: String, caller: Caller, scope: ListQuery) -> Bool {
        let own = t.accountID == caller.account.id
        let shared = t.permittedAccounts.contains(caller.account.name)
        switch filter {
        case "featured": return t.isFeatured && t.isPublic
        case "self": return caller.isAdmin ? scope.includes(account: t.accountID) && t.templateType == "USER" || own : own
        case "selfexecutable": return own && t.isReady
        case "sharedexecutable": return shared && t.isReady
        case "executable": return t.isReady && (t.isPublic || own || shared)
        case "community": return t.isPublic && !t.isFeatured
        default: return true
        }
    }

    static let list = Command(
        "listTemplates", required: ["templatefilter"],
        accepts: [
            "account", "domainid", "hypervisor", "id", "ids", "isrecursive", "keyword", "listall", "name", "page", "pagesize",
            "tags", "zoneid", "showremoved", "showunique",
        ]
    ) { world, call, w in
        let filter = try call.required("templatefilter").lowercased()
        guard filters.contains(filter) else {
            throw APIError.invalid("Please specify a valid template filter: \(filters.joined(separator: ", "))")
        }
        if filter == "all" && !call.caller.isAdmin {
            throw APIError.permission("Only ROOT admins can list templates with templatefilter=all")
        }
        let query = try ListQuery(call, world: world)
        let id = try call.entity(world.templates, "id")?.id
        let ids = call.list("ids").map(Set.init), name = call.string("name"), zoneID = call.string("zoneid")
        // showunique: one row per template across zones (CloudStack counts and pages distinct template ids).
        let unique = call.bool("showunique") == true
        let zones = world.zones.all
        var rows: [(Template, String?)] = []
        for t in world.templates.all {
            if let id, t.id != id { continue }
            if let ids, !ids.contains(t.id) { continue }
            if let name, t.name != name { continue }
            guard visible(t, filter: filter, caller: call.caller, scope: query),
                query.matchesKeyword(t.name, t.displayText), query.matchesTags(world.tags(of: t.id))
            else { continue }
            // A cross-zone template is listed once per zone, as CloudStack's template_view rows are.
            let templateZones = t.zoneID.map { [$0] } ?? zones.map(\.id)
            for zone in templateZones where zoneID == nil || zone == zoneID {
                rows.append((t, zone))
                if unique { break }
            }
        }
        query.write(rows, item: "template", into: &w) { row, w in world.writeTemplate(row.0, zoneID: row.1, into: &w) }
    }

    static let formats = ["QCOW2", "RAW", "VHD", "VHDX", "OVA", "VMDK", "ISO", "TAR", "ZIP", "BZIP2", "GZIP"]

    static let register = Command(
        "registerTemplate", required: ["displaytext", "format", "hypervisor", "name", "url"],
        accepts: [
            "account", "domainid", "zoneid", "zoneids", "ostypeid", "ispublic", "isfeatured", "isextractable", "passwordenabled",
            "sshkeyenabled", "bits", "checksum", "details", "isdynamicallyscalable", "requireshvm", "templatetag", "directdownload",
        ]
    ) { world, call, w in
        let owner = try call.owner(in: world)
        let url = try call.required("url")
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw APIError.invalid("Unsupported scheme for url: \(url)")
        }
        let format = try call.required("format").uppercased()
        guard formats.contains(format) else {
            throw APIError.invalid("Image format: \(format) is incorrect. Supported formats are \(formats.joined(separator: ", "))")
        }
        let hypervisor = try call.required("hypervisor")
        var zoneID: String? = nil
        if let zone = call.string("zoneid"), zone != "-1" {
            guard world.zones[zone] != nil else { throw APIError.invalidUUID(call.name, "zoneid", zone) }
            zoneID = zone
        }
        if let osType = call.string("ostypeid"), osType != world.guestOSID {
            throw APIError.invalidUUID(call.name, "ostypeid", osType)
        }
        let isFeatured = call.bool("isfeatured") ?? false
        if isFeatured && !call.caller.isAdmin { throw APIError.permission("Only admins can create featured templates") }
        let id = world.ids.next()
        let template = Template(
            id: id, name: try call.required("name"), displayText: try call.required("displaytext"), accountID: owner.id,
            zoneID: zoneID, isPublic: call.bool("ispublic") ?? false, isFeatured: isFeatured,
            isExtractable: call.bool("isextractable") ?? false, passwordEnabled: call.bool("passwordenabled") ?? false,
            sshKeyEnabled: call.bool("sshkeyenabled") ?? false, format: format, hypervisor: hypervisor,
            osTypeID: world.guestOSID, osTypeName: "Other (64-bit)", templateType: "USER", size: 2 << 30,
            created: call.nowSeconds, url: url, isReady: false, status: "Downloaded 0%")
        world.templates[id] = template
        world.downloadingTemplates.append((id, call.nowNanos &+ call.jobNanos))
        w.beginObject()
        w.member("count", 1)
        w.key("template")
        w.beginArray()
        world.writeTemplate(template, zoneID: zoneID ?? world.zones.all.first?.id, into: &w)
        w.endArray()
        w.endObject()
    }

    static let create = Command(
        "createTemplate", async: true, required: ["displaytext", "name", "ostypeid"],
        accepts: [
            "volumeid", "snapshotid", "virtualmachineid", "ispublic", "isfeatured", "passwordenabled", "sshkeyenabled", "bits",
            "details", "isdynamicallyscalable", "requireshvm", "templatetag", "url",
        ]
    ) { world, call, w in
        let osType = try call.required("ostypeid")
        guard osType == world.guestOSID else { throw APIError.invalidUUID(call.name, "ostypeid", osType) }
        var sourceZone = ""
        var sourceTemplate: String? = nil
        var size: Int64 = 0
        var owner = call.caller.account.id
        if let volume = try call.entity(world.volumes, "volumeid") {
            try call.checkAccess(volume.accountID, resource: "Volume \(volume.id)")
            if let vmID = volume.virtualMachineID, let vm = world.virtualMachines[vmID], vm.state != "Stopped" {
                throw APIError.invalid("VM instance \(vm.id) is not stopped, cannot create a template from its volume")
            }
            guard volume.state == "Ready" else {
                throw APIError.invalid("Volume \(volume.id) is not in Ready state, cannot create a template from it")
            }
            sourceZone = volume.zoneID
            sourceTemplate = volume.templateID
            size = volume.size
            owner = volume.accountID
        } else if let snapshot = try call.entity(world.snapshots, "snapshotid") {
            try call.checkAccess(snapshot.accountID, resource: "Snapshot \(snapshot.id)")
            guard snapshot.state == "BackedUp" else {
                throw APIError.invalid("Snapshot \(snapshot.id) is not in BackedUp state yet and can't be used for template creation")
            }
            sourceZone = snapshot.zoneID
            size = snapshot.size
            owner = snapshot.accountID
        } else {
            throw APIError.invalid("Failed to create private template record, need to specify snapshotId or volumeId")
        }
        let isFeatured = call.bool("isfeatured") ?? false
        if isFeatured && !call.caller.isAdmin { throw APIError.permission("Only admins can create featured templates") }
        let id = world.ids.next()
        world.templates[id] = Template(
            id: id, name: try call.required("name"), displayText: try call.required("displaytext"), accountID: owner,
            zoneID: sourceZone, isPublic: call.bool("ispublic") ?? false, isFeatured: isFeatured, isExtractable: false,
            passwordEnabled: call.bool("passwordenabled") ?? false, sshKeyEnabled: call.bool("sshkeyenabled") ?? false,
            format: "VHD", hypervisor: "Simulator", osTypeID: osType, osTypeName: "Other (64-bit)", templateType: "USER",
            size: size, created: call.nowSeconds, url: nil, isReady: false, status: "Creating",
            sourceTemplateID: sourceTemplate)
        let fails = call.failsJob
        _ = call.startJob(&world, into: &w, instanceType: "Template", instanceID: id, createdID: id) { world, _ in
            if fails {
                // TemplateManagerImpl.createPrivateTemplate removes the row when the copy fails.
                world.templates[id] = nil
                world.removeTags(of: id) { _ in true }
                throw APIError.internalError("Failed to create private template")
            }
            guard var template = world.templates[id] else { throw APIError.internalError("Template \(id) is gone") }
            template.isReady = true
            template.status = "Download Complete"
            world.templates[id] = template
            return jobResult("template") { world.writeTemplate(template, zoneID: template.zoneID, into: &$0) }
        }
    }

    static let update = Command(
        "updateTemplate", required: ["id"],
        accepts: [
            "bootable", "cleanupdetails", "details", "displaytext", "format", "isdynamicallyscalable", "isrouting", "name",
            "ostypeid", "passwordenabled", "requireshvm", "sortkey", "sshkeyenabled", "templatetype",
        ]
    ) { world, call, w in
        var template = try call.requiredEntity(world.templates, "id")
        try call.checkAccess(template.accountID, resource: "VMTemplate \(template.id)")
        if template.templateType == "BUILTIN" && !call.caller.isAdmin {
            throw APIError.permission("Only admins can update system templates")
        }
        if let osType = call.string("ostypeid"), osType != world.guestOSID {
            throw APIError.invalidUUID(call.name, "ostypeid", osType)
        }
        if let format = call.string("format")?.uppercased(), !formats.contains(format) {
            throw APIError.invalid("Image format: \(format) is incorrect. Supported formats are \(formats.joined(separator: ", "))")
        }
        if call.string("templatetype") != nil && !call.caller.isAdmin {
            throw APIError.permission("Only admins can change the template type")
        }
        if let name = call.string("name") { template.name = name }
        if let text = call.string("displaytext") { template.displayText = text }
        if let format = call.string("format") { template.format = format.uppercased() }
        if let enabled = call.bool("passwordenabled") { template.passwordEnabled = enabled }
        if let enabled = call.bool("sshkeyenabled") { template.sshKeyEnabled = enabled }
        if let type = call.string("templatetype") { template.templateType = type.uppercased() }
        world.templates[template.id] = template
        w.beginObject()
        w.key("template")
        world.writeTemplate(template, zoneID: template.zoneID ?? world.zones.all.first?.id, into: &w)
        w.endObject()
    }

    static let delete = Command("deleteTemplate", async: true, required: ["id"], accepts: ["forced", "zoneid"]) { world, call, w in
        let template = try call.requiredEntity(world.templates, "id")
        try call.checkAccess(template.accountID, resource: "VMTemplate \(template.id)")
        if template.templateType == "BUILTIN" && !call.caller.isAdmin {
            throw APIError.permission("Only admins can delete system templates")
        }
        let id = template.id
        _ = call.startJob(&world, into: &w, instanceType: "Template", instanceID: id) { world, _ in
            world.templates[id] = nil
            world.removeTags(of: id) { _ in true }
            return AsyncJobBody.success
        }
    }

    static let updatePermissions = Command(
        "updateTemplatePermissions", required: ["id"],
        accepts: [
            "accounts", "isextractable", "isfeatured", "ispublic", "op", "projectids",
        ]
    ) { world, call, w in
        var template = try call.requiredEntity(world.templates, "id")
        try call.checkAccess(template.accountID, resource: "VMTemplate \(template.id)")
        if let featured = call.bool("isfeatured") {
            guard call.caller.isAdmin else { throw APIError.permission("Only admins can update featured flag of templates") }
            template.isFeatured = featured
        }
        if let isPublic = call.bool("ispublic") { template.isPublic = isPublic }
        if let extractable = call.bool("isextractable") { template.isExtractable = extractable }
        if let accounts = call.list("accounts") {
            guard let op = call.string("op")?.lowercased(), ["add", "remove"].contains(op) else {
                throw APIError.invalid(
                    "Invalid operation on accounts, the operation must be either 'add' or 'remove' in order to modify launch permissions.  Given operation is: '\(call.string("op") ?? "null")'"
                )
            }
            for name in accounts {
                guard world.accounts.all.contains(where: { $0.name == name }) else {
                    throw APIError.invalid("Unable to find account \(name) in domain id=\(call.caller.account.domainID)")
                }
                if op == "add" && !template.permittedAccounts.contains(name) { template.permittedAccounts.append(name) }
                if op == "remove" { template.permittedAccounts.removeAll { $0 == name } }
            }
        } else if call.string("op")?.lowercased() == "reset" {
            template.permittedAccounts = []
        }
        world.templates[template.id] = template
        w.beginObject()
        w.member("success", true)
        w.endObject()
    }

    static let listPermissions = Command("listTemplatePermissions", required: ["id"]) { world, call, w in
        let template = try call.requiredEntity(world.templates, "id")
        if !template.isPublic { try call.checkAccess(template.accountID, resource: "VMTemplate \(template.id)") }
        w.beginObject()
        w.key("templatepermission")
        w.beginObject()
        w.member("id", template.id)
        w.member("ispublic", template.isPublic)
        w.member("domainid", world.accounts[template.accountID]?.domainID ?? "")
        w.key("account")
        w.beginArray()
        for name in template.permittedAccounts { w.string(name) }
        w.endArray()
        w.endObject()
        w.endObject()
    }

    static let osTypes = Command("listOsTypes", accepts: ["id", "keyword", "description", "page", "pagesize", "oscategoryid"]) {
        world, call, w in
        let query = try ListQuery(call, world: world)
        let rows = [world.guestOSID].filter { id in (call.string("id") ?? id) == id && query.matchesKeyword("Other (64-bit)") }
        query.write(rows, item: "ostype", into: &w) { id, w in
            w.beginObject()
            w.member("id", id)
            w.member("oscategoryid", id)
            w.member("description", "Other (64-bit)")
            w.member("isuserdefined", false)
            w.endObject()
        }
    }
}
