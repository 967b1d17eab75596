// The same field set as the CloudStack module's models (names and types), as Foundation Codable structs,
// so JSONDecoder does the same work as our reader. Generated from Sources/CloudStack/Models by a script;
// collections are optional here because synthesized Codable would otherwise require the key.
import Foundation

/// `VirtualMachine` with Foundation Codable.
struct CodableVirtualMachine: Decodable {
    var account, autoscalevmgroupid, autoscalevmgroupname, backupofferingid, backupofferingname, bootmode: String?
    var boottype, cpuused, created, diskofferingid, diskofferingname, displayname, domain, domainid: String?
    var group, groupid, guestosid, hostcontrolstate, hostid, hostname, hypervisor, id, instancename: String?
    var isodisplaytext, isoid, isoname, jobid, keypairs, lastupdated, name, osdisplayname, ostypeid: String?
    var password, pooltype, project, projectid, publicip, publicipid, readonlydetails, rootdevicetype: String?
    var serviceofferingid, serviceofferingname, servicestate, state, templatedisplaytext, templateid: String?
    var templatename, userdata, userdatadetails, userdataid, userdataname, userdatapolicy, userid, username: String?
    var vgpu, zoneid, zonename: String?
    var affinitygroup: [CodableAffinityGroup]?
    var cpunumber, cpuspeed, diskioread, diskiowrite, diskkbsread, diskkbswrite, jobstatus, memory, memoryintfreekbs: Int64?
    var memorykbs, memorytargetkbs, networkkbsread, networkkbswrite, receivedbytes, rootdeviceid, sentbytes: Int64?
    var details: [String: String]?
    var displayvm, forvirtualnetwork, haenable, hasannotations, isdynamicallyscalable, passwordenabled: Bool?
    var nic: [CodableNic]?
    var securitygroup: [CodableSecurityGroup]?
    var tags: [CodableTag]?
}

/// `Nic` with Foundation Codable.
struct CodableNic: Decodable {
    var adaptertype, broadcasturi, deviceid, gateway, id, ip6address, ip6cidr, ip6gateway, ipaddress: String?
    var isolatedpvlantype, isolationuri, macaddress, netmask, networkid, networkname, nsxlogicalswitch: String?
    var nsxlogicalswitchport, traffictype, type, virtualmachineid, vpcid, vpcname: String?
    var ipaddresses: [String]?
    var isdefault: Bool?
    var isolatedpvlan, mtu, vlanid: Int64?
}

/// `Tag` with Foundation Codable.
struct CodableTag: Decodable {
    var account, customer, domain, domainid, jobid, key, project, projectid, resourceid, resourcetype: String?
    var value: String?
    var jobstatus: Int64?
}

/// `SecurityGroup` with Foundation Codable.
struct CodableSecurityGroup: Decodable {
    var account, description, domain, domainid, id, jobid, name, project, projectid: String?
    var egressrule, ingressrule: [CodableSecurityGroupRule]?
    var jobstatus, virtualmachinecount: Int64?
    var tags: [CodableTag]?
    var virtualmachineids: [String]?
}

/// `SecurityGroupRule` with Foundation Codable.
struct CodableSecurityGroupRule: Decodable {
    var `protocol`: String?
    var account, cidr, jobid, ruleid, securitygroupname: String?
    var endport, icmpcode, icmptype, jobstatus, startport: Int64?
    var tags: [CodableTag]?
}

/// `AffinityGroup` with Foundation Codable.
struct CodableAffinityGroup: Decodable {
    var account, description, domain, domainid, id, name, project, projectid, type: String?
    var virtualmachineIds: [String]?
}
