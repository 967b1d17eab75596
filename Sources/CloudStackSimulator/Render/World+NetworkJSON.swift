import JSON

extension World {
    /// Writes a `SecurityGroupResponse` with its rules.
    func writeSecurityGroup(_ group: SecurityGroup, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", group.id)
        w.member("name", group.name)
        w.member("description", group.description)
        writeOwner(group.accountID, into: &w)
        w.key("ingressrule")
        w.beginArray()
        for rule in group.ingress { writeRule(rule, into: &w) }
        w.endArray()
        w.key("egressrule")
        w.beginArray()
        for rule in group.egress { writeRule(rule, into: &w) }
        w.endArray()
        writeTags(of: group.id, into: &w)
        w.endObject()
    }

    /// Writes a `SecurityGroupRuleResponse`.
    func writeRule(_ rule: SecurityGroupRule, into w: inout JSONWriter) {
        w.beginObject()
        w.member("ruleid", rule.ruleID)
        w.member("protocol", rule.protocolName)
        if let start = rule.startPort { w.member("startport", start) }
        if let end = rule.endPort { w.member("endport", end) }
        if let type = rule.icmpType { w.member("icmptype", type) }
        if let code = rule.icmpCode { w.member("icmpcode", code) }
        w.member("securitygroupname", ifPresent: rule.groupName)
        w.member("account", ifPresent: rule.groupAccount)
        w.member("cidr", ifPresent: rule.cidr)
        // SecurityGroupJoinDaoImpl lists the rule's own tags (ResourceObjectType.SecurityGroupRule) on each rule.
        writeTags(of: rule.ruleID, into: &w)
        w.endObject()
    }

    /// Writes a `NetworkResponse`.
    func writeNetwork(_ network: Network, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", network.id)
        w.member("name", network.name)
        w.member("displaytext", network.displayText)
        w.member("broadcastdomaintype", network.type == "Shared" ? "Native" : "Vlan")
        w.member("traffictype", "Guest")
        w.member("gateway", network.gateway)
        w.member("netmask", network.netmask)
        w.member("cidr", network.cidr)
        w.member("zoneid", network.zoneID)
        w.member("zonename", zones[network.zoneID]?.name ?? "")
        w.member("networkofferingid", network.networkOfferingID)
        let offering = offeringName(of: network)
        w.member("networkofferingname", offering.name)
        w.member("networkofferingdisplaytext", offering.displayText)
        w.member("networkofferingconservemode", true)
        w.member("networkofferingavailability", network.type == "Shared" ? "Optional" : "Required")
        w.member("issystem", false)
        w.member("state", network.state)
        w.member("related", network.id)
        w.member("dns1", "8.8.8.8")
        w.member("dns2", "8.8.4.4")
        w.member("type", network.type)
        w.member("acltype", network.accountID == nil ? "Domain" : "Account")
        if let owner = network.accountID {
            writeOwner(owner, into: &w)
        } else {
            w.member("domainid", domains.all.first?.id ?? "")
            w.member("domain", "ROOT")
        }
        w.member("networkdomain", "cs.internal")
        w.member("physicalnetworkid", network.zoneID)
        w.member("restartrequired", false)
        w.member("specifyipranges", network.type == "Shared")
        if let vpcID = network.vpcID {
            w.member("vpcid", vpcID)
            w.member("vpcname", vpcs[vpcID]?.name ?? "")
        }
        if let aclID = network.aclID {
            w.member("aclid", aclID)
            w.member("aclname", networkACLLists[aclID]?.name ?? "")
        }
        w.member("canusefordeploy", true)
        w.member("ispersistent", false)
        writeTags(of: network.id, into: &w)
        w.member("displaynetwork", true)
        w.member("isdefault", network.type == "Shared")
        w.member("created", DateText.format(network.created))
        w.endObject()
    }

    /// Writes a `VpcResponse`.
    func writeVPC(_ vpc: VPC, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", vpc.id)
        w.member("name", vpc.name)
        w.member("displaytext", vpc.displayText)
        w.member("state", vpc.state)
        w.member("zoneid", vpc.zoneID)
        w.member("zonename", zones[vpc.zoneID]?.name ?? "")
        w.member("cidr", vpc.cidr)
        w.member("vpcofferingid", vpcOfferingID)
        w.member("vpcofferingname", "Default VPC offering")
        w.member("created", DateText.format(vpc.created))
        writeOwner(vpc.accountID, into: &w)
        w.key("network")
        w.beginArray()
        for network in networks.all where network.vpcID == vpc.id { writeNetwork(network, into: &w) }
        w.endArray()
        w.key("service")
        w.beginArray()
        for (service, provider) in [
            ("Dhcp", "VpcVirtualRouter"), ("Dns", "VpcVirtualRouter"), ("SourceNat", "VpcVirtualRouter"),
            ("StaticNat", "VpcVirtualRouter"), ("NetworkACL", "VpcVirtualRouter"), ("UserData", "VpcVirtualRouter"),
        ] {
            w.beginObject()
            w.member("name", service)
            w.key("provider")
            w.beginArray()
            w.beginObject()
            w.member("name", provider)
            w.endObject()
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.member("restartrequired", false)
        w.member("networkdomain", ifPresent: vpc.networkDomain)
        w.member("regionlevelvpc", false)
        w.member("distributedvpcrouter", false)
        w.member("redundantvpcrouter", false)
        writeTags(of: vpc.id, into: &w)
        w.member("fordisplay", true)
        writePendingJob(vpc.pendingJobID, into: &w)
        w.endObject()
    }

    /// Writes an `IPAddressResponse`.
    func writePublicIP(_ ip: PublicIPAddress, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", ip.id)
        w.member("ipaddress", ip.address)
        w.member("allocated", DateText.format(ip.allocated))
        w.member("zoneid", ip.zoneID)
        w.member("zonename", zones[ip.zoneID]?.name ?? "")
        w.member("issourcenat", ip.isSourceNat)
        writeOwner(ip.accountID, into: &w)
        w.member("forvirtualnetwork", true)
        w.member("isstaticnat", ip.staticNatVMID != nil)
        w.member("issystem", false)
        if let vmID = ip.staticNatVMID, let vm = virtualMachines[vmID] {
            w.member("virtualmachineid", vm.id)
            w.member("virtualmachinename", vm.name)
            w.member("virtualmachinedisplayname", vm.displayName)
            let nic = vm.nics.first { $0.networkID == ip.networkID } ?? vm.nics.first
            w.member("vmipaddress", nic?.ipAddress ?? "")
        }
        if let networkID = ip.networkID {
            w.member("associatednetworkid", networkID)
            w.member("associatednetworkname", networks[networkID]?.name ?? "")
            w.member("networkid", networkID)
        }
        w.member("vpcid", ifPresent: ip.vpcID)
        w.member("state", ip.state)
        w.member("physicalnetworkid", ip.zoneID)
        writeTags(of: ip.id, into: &w)
        w.member("isportable", false)
        w.member("fordisplay", true)
        writePendingJob(ip.pendingJobID, into: &w)
        w.endObject()
    }

    /// Writes an `SSHKeyPairResponse`; `privateKey` only from `createSSHKeyPair`.
    func writeKeyPair(_ pair: SSHKeyPair, privateKey: String? = nil, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", pair.id)
        w.member("name", pair.name)
        writeOwner(pair.accountID, into: &w)
        w.member("fingerprint", pair.fingerprint)
        w.member("privatekey", ifPresent: privateKey)
        w.member("hasannotations", false)
        w.endObject()
    }
}
