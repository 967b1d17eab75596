import JSON

/// updateNetwork and updateVPC: a guest network's or a VPC's name and display text.
enum NetworkUpdateCommands {
    static let all: [Command] = [updateNetwork, updateVPC]

    static let updateNetwork = Command(
        "updateNetwork", async: true, required: ["id"],
        accepts: [
            "name", "displaytext", "networkdomain", "networkofferingid", "guestvmcidr", "changecidr", "forced", "customid",
            "displaynetwork", "updateinsequence", "hideipaddressusage", "dns1", "dns2", "ip6dns1", "ip6dns2", "publicmtu",
            "privatemtu",
        ]
    ) { world, call, w in
        let network = try call.requiredEntity(world.networks, "id")
        guard let owner = network.accountID else { throw APIError.permission("Only admins can update shared networks") }
        try call.checkAccess(owner, resource: "Network \(network.id)")
        for refused in ["networkofferingid", "guestvmcidr", "publicmtu", "privatemtu"] where call.has(refused) {
            throw APIError.invalid("This simulator does not change \(refused) of a network")
        }
        let id = network.id, name = call.string("name"), text = call.string("displaytext")
        _ = call.startJob(&world, into: &w, instanceType: "Network", instanceID: id) { world, _ in
            guard var current = world.networks[id] else { throw APIError.internalError("Network \(id) is gone") }
            if let name, !name.isEmpty { current.name = name }
            if let text { current.displayText = text }
            world.networks[id] = current
            return jobResult("network") { world.writeNetwork(current, into: &$0) }
        }
    }

    static let updateVPC = Command(
        "updateVPC", async: true, required: ["id"], accepts: ["name", "displaytext", "customid", "fordisplay", "publicmtu"]
    ) { world, call, w in
        let vpc = try call.requiredEntity(world.vpcs, "id")
        try call.checkAccess(vpc.accountID, resource: "Vpc \(vpc.id)")
        if call.has("publicmtu") { throw APIError.invalid("This simulator does not change publicmtu of a VPC") }
        let id = vpc.id, name = call.string("name"), text = call.string("displaytext")
        _ = call.startJob(&world, into: &w, instanceType: "Vpc", instanceID: id) { world, _ in
            guard var current = world.vpcs[id] else { throw APIError.internalError("VPC \(id) is gone") }
            if let name, !name.isEmpty { current.name = name }
            if let text { current.displayText = text }
            world.vpcs[id] = current
            return jobResult("vpc") { world.writeVPC(current, into: &$0) }
        }
    }
}
