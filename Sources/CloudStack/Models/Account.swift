// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// An account (`account` in listAccounts), with its resource counts and users.
public struct Account: CloudStackDecodable, Equatable {
    /// `accountdetails`: details for the account
    public var accountdetails: [String: String] = [:]
    /// `accounttype`: account type (admin, domain-admin, user)
    public var accounttype: Int64?
    /// `cpuavailable`: the total number of cpu cores available to be created for this account
    public var cpuavailable: String?
    /// `cpulimit`: the total number of cpu cores the account can own
    public var cpulimit: String?
    /// `cputotal`: the total number of cpu cores owned by account
    public var cputotal: Int64?
    /// `created`: the date when this account was created
    public var created: String?
    /// `defaultzoneid`: the default zone of the account
    public var defaultzoneid: String?
    /// `domain`: name of the Domain the account belongs to
    public var domain: String?
    /// `domainid`: id of the Domain the account belongs to
    public var domainid: String?
    /// `domainpath`: path of the Domain the account belongs to
    public var domainpath: String?
    /// `groups`: the list of acl groups that account belongs to
    public var groups: [String] = []
    /// `id`: the id of the account
    public var id: String?
    /// `ipavailable`: the total number of public ip addresses available for this account to acquire
    public var ipavailable: String?
    /// `iplimit`: the total number of public ip addresses this account can acquire
    public var iplimit: String?
    /// `iptotal`: the total number of public ip addresses allocated for this account
    public var iptotal: Int64?
    /// `iscleanuprequired`: true if the account requires cleanup
    public var iscleanuprequired: Bool?
    /// `isdefault`: true if account is default, false otherwise
    public var isdefault: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `memoryavailable`: the total memory (in MB) available to be created for this account
    public var memoryavailable: String?
    /// `memorylimit`: the total memory (in MB) the account can own
    public var memorylimit: String?
    /// `memorytotal`: the total memory (in MB) owned by account
    public var memorytotal: Int64?
    /// `name`: the name of the account
    public var name: String?
    /// `networkavailable`: the total number of networks available to be created for this account
    public var networkavailable: String?
    /// `networkdomain`: the network domain
    public var networkdomain: String?
    /// `networklimit`: the total number of networks the account can own
    public var networklimit: String?
    /// `networktotal`: the total number of networks owned by account
    public var networktotal: Int64?
    /// `primarystorageavailable`: the total primary storage space (in GiB) available to be used for this account
    public var primarystorageavailable: String?
    /// `primarystoragelimit`: the total primary storage space (in GiB) the account can own
    public var primarystoragelimit: String?
    /// `primarystoragetotal`: the total primary storage space (in GiB) owned by account
    public var primarystoragetotal: Int64?
    /// `projectavailable`: the total number of projects available for administration by this account
    public var projectavailable: String?
    /// `projectlimit`: the total number of projects the account can own
    public var projectlimit: String?
    /// `projecttotal`: the total number of projects being administrated by this account
    public var projecttotal: Int64?
    /// `receivedbytes`: the total number of network traffic bytes received
    public var receivedbytes: Int64?
    /// `roleid`: the ID of the role
    public var roleid: String?
    /// `rolename`: the name of the role
    public var rolename: String?
    /// `roletype`: the type of the role (Admin, ResourceAdmin, DomainAdmin, User)
    public var roletype: String?
    /// `secondarystorageavailable`: the total secondary storage space (in GiB) available to be used for this account
    public var secondarystorageavailable: String?
    /// `secondarystoragelimit`: the total secondary storage space (in GiB) the account can own
    public var secondarystoragelimit: String?
    /// `secondarystoragetotal`: the total secondary storage space (in GiB) owned by account
    public var secondarystoragetotal: Double?
    /// `sentbytes`: the total number of network traffic bytes sent
    public var sentbytes: Int64?
    /// `snapshotavailable`: the total number of snapshots available for this account
    public var snapshotavailable: String?
    /// `snapshotlimit`: the total number of snapshots which can be stored by this account
    public var snapshotlimit: String?
    /// `snapshottotal`: the total number of snapshots stored by this account
    public var snapshottotal: Int64?
    /// `state`: the state of the account
    public var state: String?
    /// `templateavailable`: the total number of templates available to be created by this account
    public var templateavailable: String?
    /// `templatelimit`: the total number of templates which can be created by this account
    public var templatelimit: String?
    /// `templatetotal`: the total number of templates which have been created by this account
    public var templatetotal: Int64?
    /// `user`: the list of users associated with account
    public var user: [User] = []
    /// `vmavailable`: the total number of virtual machines available for this account to acquire
    public var vmavailable: String?
    /// `vmlimit`: the total number of virtual machines that can be deployed by this account
    public var vmlimit: String?
    /// `vmrunning`: the total number of virtual machines running for this account
    public var vmrunning: Int64?
    /// `vmstopped`: the total number of virtual machines stopped for this account
    public var vmstopped: Int64?
    /// `vmtotal`: the total number of virtual machines deployed by this account
    public var vmtotal: Int64?
    /// `volumeavailable`: the total volume available for this account
    public var volumeavailable: String?
    /// `volumelimit`: the total volume which can be used by this account
    public var volumelimit: String?
    /// `volumetotal`: the total volume being used by this account
    public var volumetotal: Int64?
    /// `vpcavailable`: the total number of vpcs available to be created for this account
    public var vpcavailable: String?
    /// `vpclimit`: the total number of vpcs the account can own
    public var vpclimit: String?
    /// `vpctotal`: the total number of vpcs owned by account
    public var vpctotal: Int64?

    /// Creates a value with every field absent.
    public init() {}
}
