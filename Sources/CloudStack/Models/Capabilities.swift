// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// The cloud's capabilities (`capability` from listCapabilities).
public struct Capabilities: CloudStackDecodable, Equatable {
    /// `allowusercreateprojects`: true if regular user is allowed to create projects
    public var allowusercreateprojects: Bool?
    /// `allowuserexpungerecovervm`: true if the user can recover and expunge virtualmachines, false otherwise
    public var allowuserexpungerecovervm: Bool?
    /// `allowuserexpungerecovervolume`: true if the user can recover and expunge volumes, false otherwise
    public var allowuserexpungerecovervolume: Bool?
    /// `allowuserviewalldomainaccounts`: true if users can see all accounts within the same domain, false otherwise
    public var allowuserviewalldomainaccounts: Bool?
    /// `allowuserviewdestroyedvm`: true if the user is allowed to view destroyed virtualmachines, false otherwise
    public var allowuserviewdestroyedvm: Bool?
    /// `apilimitinterval`: time interval (in seconds) to reset api count
    public var apilimitinterval: Int64?
    /// `apilimitmax`: Max allowed number of api requests within the specified interval
    public var apilimitmax: Int64?
    /// `cloudstackversion`: version of the cloud stack
    public var cloudstackversion: String?
    /// `customdiskofferingmaxsize`: maximum size that can be specified when create disk from disk offering with custom size
    public var customdiskofferingmaxsize: Int64?
    /// `customdiskofferingminsize`: minimum size that can be specified when create disk from disk offering with custom size
    public var customdiskofferingminsize: Int64?
    /// `defaultuipagesize`: default page size in the UI for various views, value set in the configurations
    public var defaultuipagesize: Int64?
    /// `dynamicrolesenabled`: true if dynamic role-based api checker is enabled, false otherwise
    public var dynamicrolesenabled: Bool?
    /// `instancesdisksstatsretentionenabled`: true if stats are retained for instance disks otherwise false
    public var instancesdisksstatsretentionenabled: Bool?
    /// `instancesdisksstatsretentiontime`: the retention time for Instances disks stats
    public var instancesdisksstatsretentiontime: Int64?
    /// `instancesstatsretentiontime`: the retention time for Instances stats
    public var instancesstatsretentiontime: Int64?
    /// `instancesstatsuseronly`: true if stats are collected only for user instances, false if system instance stats are also collected
    public var instancesstatsuseronly: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `kubernetesclusterexperimentalfeaturesenabled`: true if experimental features for Kubernetes cluster such as Docker private registry are enabled, false otherwise
    public var kubernetesclusterexperimentalfeaturesenabled: Bool?
    /// `kubernetesserviceenabled`: true if Kubernetes Service plugin is enabled, false otherwise
    public var kubernetesserviceenabled: Bool?
    /// `kvmsnapshotenabled`: true if snapshot is supported for KVM host, false otherwise
    public var kvmsnapshotenabled: Bool?
    /// `projectinviterequired`: If invitation confirmation is required when add account to project
    public var projectinviterequired: Bool?
    /// `regionsecondaryenabled`: true if region wide secondary is enabled, false otherwise
    public var regionsecondaryenabled: Bool?
    /// `securitygroupsenabled`: true if security groups support is enabled, false otherwise
    public var securitygroupsenabled: Bool?
    /// `supportELB`: true if region supports elastic load balancer on basic zones
    public var supportELB: String?
    /// `userpublictemplateenabled`: true if user and domain admins can set templates to be shared, false otherwise
    public var userpublictemplateenabled: Bool?

    /// Creates a value with every field absent.
    public init() {}
}
