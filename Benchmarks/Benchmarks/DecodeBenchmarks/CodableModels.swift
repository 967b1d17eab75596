// The same field set as the CloudStack module's models (names and types), as Foundation Codable structs,
// so JSONDecoder does the same work as our reader. Generated from Sources/CloudStack/Models by a script;
// collections are optional here because synthesized Codable would otherwise require the key.
import Foundation

/// `VirtualMachine` with Foundation Codable.
struct CodableVirtualMachine: Decodable {
    var account, created, diskofferingname, displayname, domain, domainid, group, guestosid, hostname: String?
    var hypervisor, id, jobid, keypairs, name, ostypeid, project, publicip, serviceofferingid: String?
    var serviceofferingname, state, templateid, templatename, userdata, username, zoneid, zonename: String?
    var cpunumber, cpuspeed, jobstatus, memory: Int64?
    var details: [String: String]?
    var passwordenabled: Bool?
    var nic: [CodableNic]?
    var securitygroup: [CodableSecurityGroup]?
    var tags: [CodableTag]?
}

/// `Nic` with Foundation Codable.
struct CodableNic: Decodable {
    var deviceid, id, ipaddress, networkid, networkname, type, virtualmachineid, vpcid: String?
    var isdefault: Bool?
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
