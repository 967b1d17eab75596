import CloudStack

extension MethodCall {
    /// Creates `firewall`'s items in the VPC's `gce-firewalls` list [listNetworkACLLists, createNetworkACLList when
    /// the VPC has none, listNetworkACLs aclid for the numbers in use, createNetworkACL per protocol and port range,
    /// each job awaited] and submits the tags that make them one firewall [createTags resourcetype=NetworkACL];
    /// answers the firewall's UUID and the tag job to track. When a step fails, the items made so far are deleted.
    ///
    /// Two inserts at one priority (through this gateway, another one or another tool) can read the same free
    /// numbers; CloudStack keeps each number once per list and refuses the second create (431). When the number
    /// refused is in use on a fresh read, the item takes the next free one, at most `numberRetries` times.
    func createNetworkACLFirewall(_ firewall: Firewall, uuid given: String?, on target: FirewallTarget) async throws(GCEError) -> (
        uuid: String, tagJob: String
    ) {
        let listID = try await firewallACL(for: target)
        var used = try await usedNumbers(listID)
        let deny = !firewall.denied.isEmpty
        let shapes = (deny ? firewall.denied : firewall.allowed).flatMap(FirewallProtocols.traffic(of:))
        let noRoom = { (count: Int) in
            let range = FirewallNumbers.range(priority: firewall.priority, deny: deny)
            return GCEError.invalid(
                "Invalid value for field 'resource.priority': \(firewall.priority). The network's gce-firewalls ACL list has fewer "
                    + "than \(count) free rule numbers left in \(range.lowerBound)-\(range.upperBound), the "
                    + "\(deny ? "deny" : "allow") numbers of this priority; use another priority")
        }
        guard FirewallNumbers.allocate(shapes.count, priority: firewall.priority, deny: deny, used: used) != nil else {
            throw noRoom(shapes.count)
        }
        let ingress = firewall.direction == "INGRESS"
        let cidrs = (ingress ? firewall.sourceRanges : firewall.destinationRanges).compactMap(FirewallRanges.cloudStackCIDR)
        var uuid = given
        var made: [String] = []
        do throws(GCEError) {
            for (index, shape) in shapes.enumerated() {
                var parameters: Parameters = [
                    "aclid": listID, "traffictype": ingress ? "Ingress" : "Egress", "action": deny ? "Deny" : "Allow",
                ]
                for (name, value) in shape.aclParameters { parameters[name] = value }
                parameters.setList("cidrlist", cidrs)
                var retries = 0
                let receipt: AsyncJobReceipt
                while true {
                    let left = shapes.count - index
                    guard let number = FirewallNumbers.allocate(left, priority: firewall.priority, deny: deny, used: used)?.first else {
                        throw noRoom(left)
                    }
                    parameters["number"] = String(number)
                    do throws(GCEError) {
                        receipt = try await call(CommandTable.createNetworkACL, parameters)
                        used.insert(number)
                        break
                    } catch  where error.status == 400 && retries < Self.numberRetries {
                        // Taken since the read (another insert) or refused for another reason: only the first retries.
                        let fresh = try await usedNumbers(listID)
                        guard fresh.contains(number) else { throw error }
                        used.formUnion(fresh)
                        retries += 1
                    }
                }
                if uuid == nil { uuid = receipt.jobid }
                guard let id = receipt.id else { throw GCEError.backend("createNetworkACL returned no id") }
                made.append(id)
                try await awaitJob(receipt.jobid)
            }
            let id = uuid ?? ""
            return (id, try await tagFirewall(firewall, uuid: id, on: made, resourceType: "NetworkACL"))
        } catch {
            await deleteItemsQuietly(made)
            throw error
        }
    }

    /// Removes a VPC firewall's tags [deleteTags resourcetype=NetworkACL, awaited, while the items exist] and its
    /// items [deleteNetworkACL per item]; every job but the last is awaited, the last one's id is answered (or
    /// awaited too with `awaitLast`).
    func removeNetworkACLFirewall(_ record: FirewallRecord, awaitLast: Bool) async throws(GCEError) -> String {
        var last = try await untagFirewall(record.items, resourceType: "NetworkACL")
        for (index, item) in record.items.enumerated() {
            last = try await call(CommandTable.deleteNetworkACL, ["id": item]).jobid
            if index < record.items.count - 1 || awaitLast { try await awaitJob(last) }
        }
        return last
    }

    /// The VPC's `gce-firewalls` list for a new firewall [listNetworkACLLists; createNetworkACLList, awaited, for a
    /// VPC made by another tool, as a first tier would get it]. A tier on another list is a 400 naming
    /// `resource.network`: the firewall would not apply to its instances. The list stays, for the tier to be moved to.
    private func firewallACL(for target: FirewallTarget) async throws(GCEError) -> String {
        if let known = target.aclID { return known }
        let listID = try await firewallList(vpcID: target.vpcID ?? "")
        if let tier = target.tiers.first(where: { $0.row.aclid != listID }) {
            throw GCEError.invalid(
                "Invalid value for field 'resource.network': subnetwork '\(tier.name)' of network '\(target.networkName)' uses the "
                    + "CloudStack ACL list '\(tier.row.aclname ?? tier.row.aclid ?? "")', not \(FirewallList.name), so a firewall "
                    + "would not apply to it; move the tier to \(FirewallList.name) (replaceNetworkACLList) or delete it")
        }
        return listID
    }

    /// How often one item of an insert takes another number after CloudStack refused one taken meanwhile.
    static var numberRetries: Int { 8 }

    /// The item numbers in use in a list [listNetworkACLs aclid].
    private func usedNumbers(_ listID: String) async throws(GCEError) -> Set<Int> {
        Set(try await listAll(CommandTable.listNetworkACLs, ["aclid": listID]).compactMap { $0.number.map { Int($0) } })
    }

    /// Best-effort clean-up after a failed create: the failure already being answered is the one that matters.
    private func deleteItemsQuietly(_ items: [String]) async {
        for item in items {
            if let receipt = try? await call(CommandTable.deleteNetworkACL, ["id": item]) { try? await awaitJob(receipt.jobid) }
        }
    }
}
