@testable import CloudStackSimulator

extension FidelityWalk {
    /// NICs and their secondary IPs on a VM with two isolated networks.
    func walkNics(user: TestClient, admin: TestClient, zone: String, offering: String, template: String, networkOffering: String) {
        let first = run(
            user, "createNetwork",
            [("name", "nics-a"), ("displaytext", "nics-a"), ("networkofferingid", networkOffering), ("zoneid", zone)])
        let second = run(
            user, "createNetwork",
            [("name", "nics-b"), ("displaytext", "nics-b"), ("networkofferingid", networkOffering), ("zoneid", zone)])
        let vm = run(
            user, "deployVirtualMachine",
            [("zoneid", zone), ("serviceofferingid", offering), ("templateid", template), ("networkids", id(first))])
        let defaultNic = vm["nic"]?.array?.first?.object.map(id) ?? ""
        let secondary = run(user, "addIpToNic", [("nicid", defaultNic)])
        if secondary["nicid"]?.string != defaultNic || secondary["ipaddress"]?.string == nil {
            fail("addIpToNic's nicsecondaryip does not name its NIC and address: \(secondary)")
        }
        let listed = run(user, "listNics", [("virtualmachineid", id(vm))])
        let addresses = listed["secondaryip"]?.array?.compactMap { $0.object?["ipaddress"]?.string } ?? []
        if addresses != [secondary["ipaddress"]?.string ?? "-"] { fail("listNics does not show the secondary IP: \(listed)") }
        run(user, "removeIpFromNic", [("id", id(secondary))])
        run(
            user, "addResourceDetail",
            [("resourceid", defaultNic), ("resourcetype", "Nic"), ("details[0].key", "role"), ("details[0].value", "web")])
        let detail = run(user, "listResourceDetails", [("resourcetype", "Nic"), ("resourceid", defaultNic)])
        if detail["key"]?.string != "role" || detail["value"]?.string != "web" || detail["resourceid"]?.string != defaultNic {
            fail("listResourceDetails does not show the NIC's detail: \(detail)")
        }
        run(user, "removeResourceDetail", [("resourceid", defaultNic), ("resourcetype", "Nic"), ("key", "role")])
        let plugged = run(user, "addNicToVirtualMachine", [("virtualmachineid", id(vm)), ("networkid", id(second))])
        let extra =
            plugged["nic"]?.array?.compactMap(\.object).first { nic in
                if case .bool(false) = nic["isdefault"] { return true }
                return false
            }.map(id) ?? ""
        if extra.isEmpty { fail("addNicToVirtualMachine's VM has no second NIC: \(plugged)") }
        run(user, "removeNicFromVirtualMachine", [("virtualmachineid", id(vm)), ("nicid", extra)])
        run(admin, "destroyVirtualMachine", [("id", id(vm)), ("expunge", "true")])

        // Two NICs at chosen addresses, in an affinity group.
        let group = run(user, "createAffinityGroup", [("name", "nics-spread"), ("type", "host anti-affinity")])
        let address = (first["gateway"]?.string ?? "").split(separator: ".").dropLast().joined(separator: ".") + ".77"
        let placed = run(
            user, "deployVirtualMachine",
            [
                ("zoneid", zone), ("serviceofferingid", offering), ("templateid", template),
                ("iptonetworklist[0].networkid", id(first)), ("iptonetworklist[0].ip", address),
                ("iptonetworklist[1].networkid", id(second)), ("affinitygroupnames", "nics-spread"),
            ])
        let nics = placed["nic"]?.array?.compactMap(\.object) ?? []
        if nics.count != 2 || nics.first?["ipaddress"]?.string != address || nics.first?["networkid"]?.string != id(first) {
            fail("deployVirtualMachine iptonetworklist did not place the NICs: \(nics)")
        }
        if placed["affinitygroup"]?.array?.first?.object?["id"]?.string != id(group) {
            fail("deployVirtualMachine affinitygroupnames is not listed in affinitygroup: \(placed["affinitygroup"] ?? .null)")
        }
        run(user, "stopVirtualMachine", [("id", id(placed))])
        let other = run(user, "createAffinityGroup", [("name", "nics-together"), ("type", "host affinity")])
        let moved = run(user, "updateVMAffinityGroup", [("id", id(placed)), ("affinitygroupids", id(other))])
        if moved["affinitygroup"]?.array?.compactMap({ $0.object?["id"]?.string }) != [id(other)] {
            fail("updateVMAffinityGroup did not replace the VM's groups: \(moved["affinitygroup"] ?? .null)")
        }
        run(admin, "destroyVirtualMachine", [("id", id(placed)), ("expunge", "true")])
        run(user, "deleteAffinityGroup", [("id", id(other))])
        run(user, "deleteAffinityGroup", [("id", id(group))])
        run(user, "deleteNetwork", [("id", id(second))])
        run(user, "deleteNetwork", [("id", id(first))])
    }
}
