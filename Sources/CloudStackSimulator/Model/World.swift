/// The whole simulated cloud: every table, the id source and the async job queue.
///
/// Only ever touched inside the simulator's mutex.
struct World: Sendable {
    var ids: IDSource
    var domains = Table<Domain>()
    var accounts = Table<Account>()
    var users = Table<User>()
    var userIDByAPIKey: [String: String] = [:]
    var regions: [Region] = []
    var zones = Table<Zone>()
    var serviceOfferings = Table<ServiceOffering>()
    var diskOfferings = Table<DiskOffering>()
    var templates = Table<Template>()
    var virtualMachines = Table<VirtualMachine>()
    var volumes = Table<Volume>()
    var snapshots = Table<Snapshot>()
    var tags: [ResourceTag] = []
    var tagsByResource: [String: [ResourceTag]] = [:]
    /// Resource details (`nic_details`, ...) by resource id, in insertion order.
    var resourceDetails: [String: [ResourceDetail]] = [:]
    var keyPairs = Table<SSHKeyPair>()
    var securityGroups = Table<SecurityGroup>()
    var networks = Table<Network>()
    var vpcs = Table<VPC>()
    var publicIPs = Table<PublicIPAddress>()
    var networkACLLists = Table<NetworkACLList>()
    var networkACLItems = Table<NetworkACLItem>()
    var privateGateways = Table<PrivateGateway>()
    var staticRoutes = Table<StaticRoute>()
    var vpnCustomerGateways = Table<VpnCustomerGateway>()
    var vpnGateways = Table<VpnGateway>()
    var vpnConnections = Table<VpnConnection>()
    var affinityGroups = Table<AffinityGroup>()
    var instanceGroups = Table<InstanceGroup>()
    var jobs = Table<AsyncJob>()
    /// Jobs not yet finished, in creation order.
    var pendingJobIDs: [String] = []
    /// When the last job queued on an object ends (jobs on one object run one at a time).
    var objectBusyUntil: [String: UInt64] = [:]
    /// Fixed ids for offerings CloudStack ships (not listed by this simulator).
    var isolatedNetworkOfferingID = ""
    /// `DefaultIsolatedNetworkOfferingForVpcNetworks`, the offering of VPC tiers (`forvpc` true).
    var vpcTierNetworkOfferingID = ""
    var vpcOfferingID = ""
    var sharedNetworkOfferingID = ""
    var guestOSID = ""
    var nextPublicHost = 10
    /// Bumped by every state change; cached renderings of an older revision are stale.
    var revision: UInt64 = 0
    /// Rendered `listVirtualMachines` items by VM id, valid while `revision` is unchanged.
    var virtualMachineJSON: [String: (revision: UInt64, bytes: [UInt8])] = [:]
    /// Registered templates still downloading, with the time they become ready.
    var downloadingTemplates: [(id: String, readyAt: UInt64)] = []
    /// Snapshots taken with `asyncbackup=true` still copying to secondary storage, with the time they are `BackedUp`.
    var backingUpSnapshots: [(id: String, readyAt: UInt64)] = []
    var macCounter: UInt32 = 1

    init(seed: String) { ids = IDSource(seed: seed) }

    /// Tags on one resource.
    func tags(of resourceID: String) -> [ResourceTag] { tagsByResource[resourceID] ?? [] }

    /// Adds or replaces a tag (CloudStack refuses an existing key; callers check first).
    mutating func addTag(_ tag: ResourceTag) {
        tags.append(tag)
        tagsByResource[tag.resourceID, default: []].append(tag)
    }

    /// Removes tags on a resource matching a predicate.
    mutating func removeTags(of resourceID: String, where match: (ResourceTag) -> Bool) {
        tags.removeAll { $0.resourceID == resourceID && match($0) }
        tagsByResource[resourceID]?.removeAll(where: match)
        if tagsByResource[resourceID]?.isEmpty == true { tagsByResource[resourceID] = nil }
    }

    /// Details of one resource.
    func details(of resourceID: String) -> [ResourceDetail] { resourceDetails[resourceID] ?? [] }

    /// Adds a detail, replacing one of the same name (ResourceDetailsDaoBase.addDetail; names compare ignoring case).
    mutating func setDetail(_ detail: ResourceDetail) {
        let key = detail.key.lowercased()
        resourceDetails[detail.resourceID, default: []].removeAll { $0.resourceType == detail.resourceType && $0.key.lowercased() == key }
        resourceDetails[detail.resourceID, default: []].append(detail)
    }

    /// Removes the details of a resource matching a predicate.
    mutating func removeDetails(of resourceID: String, where match: (ResourceDetail) -> Bool) {
        resourceDetails[resourceID]?.removeAll(where: match)
        if resourceDetails[resourceID]?.isEmpty == true { resourceDetails[resourceID] = nil }
    }

    /// A fresh MAC address in CloudStack's `02:00:..` range.
    mutating func nextMAC() -> String {
        macCounter += 1
        let b = [UInt8(macCounter >> 16 & 0xFF), UInt8(macCounter >> 8 & 0xFF), UInt8(macCounter & 0xFF)]
        return "02:00:" + String(b[0] & 0x7F, radix: 16).leftPad(2) + ":" + String(b[1], radix: 16).leftPad(2) + ":"
            + String(b[2], radix: 16).leftPad(2) + ":" + String(UInt8(macCounter >> 24 & 0xFF), radix: 16).leftPad(2)
    }

    /// A fresh public address in the zone's range.
    mutating func nextPublicAddress(zone: Zone) -> String {
        // An address a caller asked for by `ipaddress` is taken: the next free one is handed out instead.
        while true {
            nextPublicHost += 1
            let address = zone.publicPrefix + String(nextPublicHost / 250) + "." + String(nextPublicHost % 250 + 2)
            if !publicIPs.all.contains(where: { $0.address == address && $0.zoneID == zone.id }) { return address }
        }
    }

    /// The next free host address on a network: inside its CIDR, never its gateway or an address a NIC holds.
    mutating func nextGuestAddress(networkID: String, checkingUse: Bool = true) -> (ip: String, netmask: String, gateway: String) {
        guard var network = networks[networkID] else { return ("10.1.1.10", "255.255.255.0", "10.1.1.1") }
        let used: Set<String> =
            checkingUse ? Set(virtualMachines.all.flatMap { vm in vm.nics.filter { $0.networkID == networkID }.map(\.ipAddress) }) : []
        guard let (base, bits) = CIDR.bounds(network.cidr), bits <= 30 else {
            return (network.gateway, network.netmask, network.gateway)
        }
        // Hosts 2 ... size-2: not the network address, the usual gateway (.1) or the broadcast address.
        let hosts = (UInt64(1) << UInt64(32 - bits)) - 3
        var address = network.gateway
        for _ in 0..<min(hosts, 4096) {
            network.nextHost += 1
            let host = UInt64(network.nextHost)
            // A /16 keeps the numbering it always had (x.y.1.13 first), other sizes count up from .2.
            let offset = bits == 16 ? (host / 250 + 1) * 256 + host % 250 + 2 : host % hosts + 2
            let candidate = CIDR.text(base &+ UInt32(truncatingIfNeeded: offset))
            if candidate != network.gateway && !used.contains(candidate) {
                address = candidate
                break
            }
        }
        networks[networkID] = network
        return (address, network.netmask, network.gateway)
    }
}

extension String {
    /// Left-pads with zeros to `width` characters.
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
