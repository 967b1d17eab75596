// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A template (`template` in listTemplates), an EC2 image or GCE image.
public struct Template: CloudStackDecodable, Equatable {
    /// `account`: the account name to which the template belongs
    public var account: String?
    /// `accountid`: the account id to which the template belongs
    public var accountid: String?
    /// `bits`: the processor bit size
    public var bits: Int64?
    /// `bootable`: true if the ISO is bootable, false otherwise
    public var bootable: Bool?
    /// `checksum`: checksum of the template
    public var checksum: String?
    /// `created`: the date this template was created
    public var created: String?
    /// `crossZones`: true if the template is managed across all Zones, false otherwise
    public var crossZones: Bool?
    /// `deployasis`: VMware only: true if template is deployed without orchestrating disks and networks but "as-is" defined in the template.
    public var deployasis: Bool?
    /// `deployasisdetails`: VMware only: additional key/value details tied with deploy-as-is template
    public var deployasisdetails: [String: String] = [:]
    /// `details`: additional key/value details tied with template
    public var details: [String: String] = [:]
    /// `directdownload`: KVM Only: true if template is directly downloaded to Primary Storage bypassing Secondary Storage
    public var directdownload: Bool?
    /// `displaytext`: the template display text
    public var displaytext: String?
    /// `domain`: the name of the domain to which the template belongs
    public var domain: String?
    /// `domainid`: the ID of the domain to which the template belongs
    public var domainid: String?
    /// `format`: the format of the template.
    public var format: String?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `hostid`: the ID of the secondary storage host for the template
    public var hostid: String?
    /// `hostname`: the name of the secondary storage host for the template
    public var hostname: String?
    /// `hypervisor`: the hypervisor on which the template runs
    public var hypervisor: String?
    /// `id`: the template ID
    public var id: String?
    /// `isdynamicallyscalable`: true if template contains XS/VMWare tools inorder to support dynamic scaling of VM cpu/memory
    public var isdynamicallyscalable: Bool?
    /// `isextractable`: true if the template is extractable, false otherwise
    public var isextractable: Bool?
    /// `isfeatured`: true if this template is a featured template, false otherwise
    public var isfeatured: Bool?
    /// `ispublic`: true if this template is a public template, false otherwise
    public var ispublic: Bool?
    /// `isready`: true if the template is ready to be deployed from, false otherwise.
    public var isready: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: the template name
    public var name: String?
    /// `ostypeid`: the ID of the OS type for this template.
    public var ostypeid: String?
    /// `ostypename`: the name of the OS type for this template.
    public var ostypename: String?
    /// `parenttemplateid`: if Datadisk template, then id of the root disk template this template belongs to
    public var parenttemplateid: String?
    /// `passwordenabled`: true if the reset password feature is enabled, false otherwise
    public var passwordenabled: Bool?
    /// `physicalsize`: the physical size of the template
    public var physicalsize: Int64?
    /// `project`: the project name of the template
    public var project: String?
    /// `projectid`: the project id of the template
    public var projectid: String?
    /// `removed`: the date this template was removed
    public var removed: String?
    /// `requireshvm`: true if template requires HVM enabled, false otherwise
    public var requireshvm: Bool?
    /// `size`: the size of the template
    public var size: Int64?
    /// `sourcetemplateid`: the template ID of the parent template if present
    public var sourcetemplateid: String?
    /// `sshkeyenabled`: true if template is sshkey enabled, false otherwise
    public var sshkeyenabled: Bool?
    /// `status`: the status of the template
    public var status: String?
    /// `tags`: the list of resource tags associated
    public var tags: [Tag] = []
    /// `templatetag`: the tag of this template
    public var templatetag: String?
    /// `templatetype`: the type of the template
    public var templatetype: String?
    /// `url`: the URL which the template/iso is registered from
    public var url: String?
    /// `userdataid`: the id of userdata linked to this template
    public var userdataid: String?
    /// `userdataname`: the name of userdata linked to this template
    public var userdataname: String?
    /// `userdataparams`: list of parameters which contains the list of keys or string parameters that are needed to be passed for any variables declared in userdata
    public var userdataparams: String?
    /// `userdatapolicy`: the userdata override policy with the userdata provided while deploying VM
    public var userdatapolicy: String?
    /// `zoneid`: the ID of the zone for this template
    public var zoneid: String?
    /// `zonename`: the name of the zone for this template
    public var zonename: String?

    /// Creates a value with every field absent.
    public init() {}
}
