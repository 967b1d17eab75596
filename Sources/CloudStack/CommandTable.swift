/// Every CloudStack command the bridge uses, typed, alphabetical; names and result objects as in listApis.json
/// and docs/cloudstack-reference.md §2.2 (a table test checks them against listApis.json).
public enum CommandTable {
    /// `addIpToNic`: async (a create command), job result `nicsecondaryip`.
    public static let addIpToNic = AsyncCommand<NicSecondaryIP>("addIpToNic", jobResult: "nicsecondaryip")
    /// `addNicToVirtualMachine`: async, job result `virtualmachine`.
    public static let addNicToVirtualMachine = AsyncCommand<VirtualMachine>("addNicToVirtualMachine", jobResult: "virtualmachine")
    /// `addResourceDetail`: async, job result success.
    public static let addResourceDetail = AsyncCommand<SuccessResult>("addResourceDetail", jobResult: nil)
    /// `associateIpAddress`: async, job result `ipaddress`.
    public static let associateIpAddress = AsyncCommand<PublicIPAddress>("associateIpAddress", jobResult: "ipaddress")
    /// `attachVolume`: async, job result `volume`.
    public static let attachVolume = AsyncCommand<Volume>("attachVolume", jobResult: "volume")
    /// `authorizeSecurityGroupEgress`: async, job result `securitygroup`.
    public static let authorizeSecurityGroupEgress = AsyncCommand<SecurityGroup>("authorizeSecurityGroupEgress", jobResult: "securitygroup")
    /// `authorizeSecurityGroupIngress`: async, job result `securitygroup`.
    public static let authorizeSecurityGroupIngress = AsyncCommand<SecurityGroup>(
        "authorizeSecurityGroupIngress", jobResult: "securitygroup")
    /// `changeOfferingForVolume`: async, job result `volume`.
    public static let changeOfferingForVolume = AsyncCommand<Volume>("changeOfferingForVolume", jobResult: "volume")
    /// `createAffinityGroup`: async, job result `affinitygroup`.
    public static let createAffinityGroup = AsyncCommand<AffinityGroup>("createAffinityGroup", jobResult: "affinitygroup")
    /// `createInstanceGroup`: object `instancegroup`.
    public static let createInstanceGroup = ObjectCommand<InstanceGroup>("createInstanceGroup", object: "instancegroup")
    /// `createNetwork`: object `network`.
    public static let createNetwork = ObjectCommand<Network>("createNetwork", object: "network")
    /// `createNetworkACL`: async (a create command), job result `networkacl`.
    public static let createNetworkACL = AsyncCommand<NetworkACLItem>("createNetworkACL", jobResult: "networkacl")
    /// `createNetworkACLList`: async (a create command), job result `networkacllist`.
    public static let createNetworkACLList = AsyncCommand<NetworkACLList>("createNetworkACLList", jobResult: "networkacllist")
    /// `createSSHKeyPair`: object `keypair`.
    public static let createSSHKeyPair = ObjectCommand<SSHKeyPair>("createSSHKeyPair", object: "keypair")
    /// `createSecurityGroup`: object `securitygroup`.
    public static let createSecurityGroup = ObjectCommand<SecurityGroup>("createSecurityGroup", object: "securitygroup")
    /// `createSnapshot`: async, job result `snapshot`.
    public static let createSnapshot = AsyncCommand<Snapshot>("createSnapshot", jobResult: "snapshot")
    /// `createStaticRoute`: async (a create command), job result `staticroute`.
    public static let createStaticRoute = AsyncCommand<StaticRoute>("createStaticRoute", jobResult: "staticroute")
    /// `createTags`: async, job result success.
    public static let createTags = AsyncCommand<SuccessResult>("createTags", jobResult: nil)
    /// `createTemplate`: async, job result `template`.
    public static let createTemplate = AsyncCommand<Template>("createTemplate", jobResult: "template")
    /// `createVPC`: async, job result `vpc`.
    public static let createVPC = AsyncCommand<VPC>("createVPC", jobResult: "vpc")
    /// `createVolume`: async, job result `volume`.
    public static let createVolume = AsyncCommand<Volume>("createVolume", jobResult: "volume")
    /// `createVpnConnection`: async (a create command), job result `vpnconnection`.
    public static let createVpnConnection = AsyncCommand<VpnConnection>("createVpnConnection", jobResult: "vpnconnection")
    /// `createVpnCustomerGateway`: async, job result `vpncustomergateway`.
    public static let createVpnCustomerGateway = AsyncCommand<VpnCustomerGateway>(
        "createVpnCustomerGateway", jobResult: "vpncustomergateway")
    /// `createVpnGateway`: async (a create command), job result `vpngateway`.
    public static let createVpnGateway = AsyncCommand<VpnGateway>("createVpnGateway", jobResult: "vpngateway")
    /// `deleteInstanceGroup`: inline result.
    public static let deleteInstanceGroup = InlineCommand<SuccessResult>("deleteInstanceGroup")
    /// `deleteNetwork`: async, job result success.
    public static let deleteNetwork = AsyncCommand<SuccessResult>("deleteNetwork", jobResult: nil)
    /// `deleteNetworkACL`: async, job result success.
    public static let deleteNetworkACL = AsyncCommand<SuccessResult>("deleteNetworkACL", jobResult: nil)
    /// `deleteNetworkACLList`: async, job result success.
    public static let deleteNetworkACLList = AsyncCommand<SuccessResult>("deleteNetworkACLList", jobResult: nil)
    /// `deleteAffinityGroup`: async, no job result object.
    public static let deleteAffinityGroup = AsyncCommand<SuccessResult>("deleteAffinityGroup", jobResult: nil)
    /// `deleteSSHKeyPair`: inline result.
    public static let deleteSSHKeyPair = InlineCommand<SuccessResult>("deleteSSHKeyPair")
    /// `deleteSecurityGroup`: inline result.
    public static let deleteSecurityGroup = InlineCommand<SuccessResult>("deleteSecurityGroup")
    /// `deleteSnapshot`: async, job result success.
    public static let deleteSnapshot = AsyncCommand<SuccessResult>("deleteSnapshot", jobResult: nil)
    /// `deleteStaticRoute`: async, job result success.
    public static let deleteStaticRoute = AsyncCommand<SuccessResult>("deleteStaticRoute", jobResult: nil)
    /// `deleteTags`: async, job result success.
    public static let deleteTags = AsyncCommand<SuccessResult>("deleteTags", jobResult: nil)
    /// `deleteTemplate`: async, job result success.
    public static let deleteTemplate = AsyncCommand<SuccessResult>("deleteTemplate", jobResult: nil)
    /// `deleteVPC`: async, job result success.
    public static let deleteVPC = AsyncCommand<SuccessResult>("deleteVPC", jobResult: nil)
    /// `deleteVolume`: inline result.
    public static let deleteVolume = InlineCommand<SuccessResult>("deleteVolume")
    /// `deleteVpnConnection`: async, job result success.
    public static let deleteVpnConnection = AsyncCommand<SuccessResult>("deleteVpnConnection", jobResult: nil)
    /// `deleteVpnCustomerGateway`: async, job result success.
    public static let deleteVpnCustomerGateway = AsyncCommand<SuccessResult>("deleteVpnCustomerGateway", jobResult: nil)
    /// `deleteVpnGateway`: async, job result success.
    public static let deleteVpnGateway = AsyncCommand<SuccessResult>("deleteVpnGateway", jobResult: nil)
    /// `deployVirtualMachine`: async, job result `virtualmachine`.
    public static let deployVirtualMachine = AsyncCommand<VirtualMachine>("deployVirtualMachine", jobResult: "virtualmachine")
    /// `destroyVirtualMachine`: async, job result `virtualmachine`.
    public static let destroyVirtualMachine = AsyncCommand<VirtualMachine>("destroyVirtualMachine", jobResult: "virtualmachine")
    /// `detachVolume`: async, job result `volume`.
    public static let detachVolume = AsyncCommand<Volume>("detachVolume", jobResult: "volume")
    /// `disableStaticNat`: async, job result success.
    public static let disableStaticNat = AsyncCommand<SuccessResult>("disableStaticNat", jobResult: nil)
    /// `disassociateIpAddress`: async, job result success.
    public static let disassociateIpAddress = AsyncCommand<SuccessResult>("disassociateIpAddress", jobResult: nil)
    /// `enableStaticNat`: inline result.
    public static let enableStaticNat = InlineCommand<SuccessResult>("enableStaticNat")
    /// `expungeVirtualMachine`: async, job result success.
    public static let expungeVirtualMachine = AsyncCommand<SuccessResult>("expungeVirtualMachine", jobResult: nil)
    /// `getUser`: object `user`.
    public static let getUser = ObjectCommand<User>("getUser", object: "user")
    /// `getUserKeys`: object `userkeys`.
    public static let getUserKeys = ObjectCommand<UserKeys>("getUserKeys", object: "userkeys")
    /// `getVMPassword`: object `password`.
    public static let getVMPassword = ObjectCommand<VMPassword>("getVMPassword", object: "password")
    /// `listAccounts`: rows `account`.
    public static let listAccounts = ListCommand<Account>("listAccounts", item: "account")
    /// `listAffinityGroups`: list, item `affinitygroup`.
    public static let listAffinityGroups = ListCommand<AffinityGroup>("listAffinityGroups", item: "affinitygroup")
    /// `listAsyncJobs`: rows `asyncjobs`.
    public static let listAsyncJobs = ListCommand<AsyncJob>("listAsyncJobs", item: "asyncjobs")
    /// `listCapabilities`: object `capability`.
    public static let listCapabilities = ObjectCommand<Capabilities>("listCapabilities", object: "capability")
    /// `listDiskOfferings`: rows `diskoffering`.
    public static let listDiskOfferings = ListCommand<DiskOffering>("listDiskOfferings", item: "diskoffering")
    /// `listInstanceGroups`: list, item `instancegroup`.
    public static let listInstanceGroups = ListCommand<InstanceGroup>("listInstanceGroups", item: "instancegroup")
    /// `listNetworkACLLists`: rows `networkacllist`.
    public static let listNetworkACLLists = ListCommand<NetworkACLList>("listNetworkACLLists", item: "networkacllist")
    /// `listNetworkACLs`: rows `networkacl`.
    public static let listNetworkACLs = ListCommand<NetworkACLItem>("listNetworkACLs", item: "networkacl")
    /// `listNetworkOfferings`: rows `networkoffering`.
    public static let listNetworkOfferings = ListCommand<NetworkOffering>("listNetworkOfferings", item: "networkoffering")
    /// `listNetworks`: rows `network`.
    public static let listNetworks = ListCommand<Network>("listNetworks", item: "network")
    /// `listPrivateGateways`: rows `privategateway`.
    public static let listPrivateGateways = ListCommand<PrivateGateway>("listPrivateGateways", item: "privategateway")
    /// `listPublicIpAddresses`: rows `publicipaddress`.
    public static let listPublicIpAddresses = ListCommand<PublicIPAddress>("listPublicIpAddresses", item: "publicipaddress")
    /// `listRegions`: rows `region`.
    public static let listRegions = ListCommand<Region>("listRegions", item: "region")
    /// `listResourceDetails`: rows `resourcedetail` (needs `resourceid`, or `key` and `value`).
    public static let listResourceDetails = ListCommand<ResourceDetail>("listResourceDetails", item: "resourcedetail")
    /// `listResourceLimits`: rows `resourcelimit`.
    public static let listResourceLimits = ListCommand<ResourceLimit>("listResourceLimits", item: "resourcelimit")
    /// `listSSHKeyPairs`: rows `sshkeypair`.
    public static let listSSHKeyPairs = ListCommand<SSHKeyPair>("listSSHKeyPairs", item: "sshkeypair")
    /// `listSecurityGroups`: rows `securitygroup`.
    public static let listSecurityGroups = ListCommand<SecurityGroup>("listSecurityGroups", item: "securitygroup")
    /// `listServiceOfferings`: rows `serviceoffering`.
    public static let listServiceOfferings = ListCommand<ServiceOffering>("listServiceOfferings", item: "serviceoffering")
    /// `listSnapshots`: rows `snapshot`.
    public static let listSnapshots = ListCommand<Snapshot>("listSnapshots", item: "snapshot")
    /// `listStaticRoutes`: rows `staticroute`.
    public static let listStaticRoutes = ListCommand<StaticRoute>("listStaticRoutes", item: "staticroute")
    /// `listTags`: rows `tag`.
    public static let listTags = ListCommand<Tag>("listTags", item: "tag")
    /// `listTemplates`: rows `template`.
    public static let listTemplates = ListCommand<Template>("listTemplates", item: "template")
    /// `listUsers`: rows `user`.
    public static let listUsers = ListCommand<User>("listUsers", item: "user")
    /// `listVPCOfferings`: rows `vpcoffering`.
    public static let listVPCOfferings = ListCommand<VPCOffering>("listVPCOfferings", item: "vpcoffering")
    /// `listVPCs`: rows `vpc`.
    public static let listVPCs = ListCommand<VPC>("listVPCs", item: "vpc")
    /// `listVirtualMachines`: rows `virtualmachine`.
    public static let listVirtualMachines = ListCommand<VirtualMachine>("listVirtualMachines", item: "virtualmachine")
    /// `listVolumes`: rows `volume`.
    public static let listVolumes = ListCommand<Volume>("listVolumes", item: "volume")
    /// `listVpnConnections`: rows `vpnconnection`.
    public static let listVpnConnections = ListCommand<VpnConnection>("listVpnConnections", item: "vpnconnection")
    /// `listVpnCustomerGateways`: rows `vpncustomergateway`.
    public static let listVpnCustomerGateways = ListCommand<VpnCustomerGateway>("listVpnCustomerGateways", item: "vpncustomergateway")
    /// `listVpnGateways`: rows `vpngateway`.
    public static let listVpnGateways = ListCommand<VpnGateway>("listVpnGateways", item: "vpngateway")
    /// `listZones`: rows `zone`.
    public static let listZones = ListCommand<Zone>("listZones", item: "zone")
    /// `queryAsyncJobResult`: inline result.
    public static let queryAsyncJobResult = InlineCommand<AsyncJob>("queryAsyncJobResult")
    /// `rebootVirtualMachine`: async, job result `virtualmachine`.
    public static let rebootVirtualMachine = AsyncCommand<VirtualMachine>("rebootVirtualMachine", jobResult: "virtualmachine")
    /// `registerSSHKeyPair`: object `keypair`.
    public static let registerSSHKeyPair = ObjectCommand<SSHKeyPair>("registerSSHKeyPair", object: "keypair")
    /// `registerTemplate`: rows `template`.
    public static let registerTemplate = ListCommand<Template>("registerTemplate", item: "template")
    /// `removeIpFromNic`: async, job result success.
    public static let removeIpFromNic = AsyncCommand<SuccessResult>("removeIpFromNic", jobResult: nil)
    /// `removeNicFromVirtualMachine`: async, job result `virtualmachine`.
    public static let removeNicFromVirtualMachine = AsyncCommand<VirtualMachine>(
        "removeNicFromVirtualMachine", jobResult: "virtualmachine")
    /// `removeResourceDetail`: async, job result success.
    public static let removeResourceDetail = AsyncCommand<SuccessResult>("removeResourceDetail", jobResult: nil)
    /// `replaceNetworkACLList`: async, job result success.
    public static let replaceNetworkACLList = AsyncCommand<SuccessResult>("replaceNetworkACLList", jobResult: nil)
    /// `resetVpnConnection`: async, job result `vpnconnection`.
    public static let resetVpnConnection = AsyncCommand<VpnConnection>("resetVpnConnection", jobResult: "vpnconnection")
    /// `resizeVolume`: async, job result `volume`.
    public static let resizeVolume = AsyncCommand<Volume>("resizeVolume", jobResult: "volume")
    /// `revokeSecurityGroupEgress`: async, job result success.
    public static let revokeSecurityGroupEgress = AsyncCommand<SuccessResult>("revokeSecurityGroupEgress", jobResult: nil)
    /// `revokeSecurityGroupIngress`: async, job result success.
    public static let revokeSecurityGroupIngress = AsyncCommand<SuccessResult>("revokeSecurityGroupIngress", jobResult: nil)
    /// `startVirtualMachine`: async, job result `virtualmachine`.
    public static let startVirtualMachine = AsyncCommand<VirtualMachine>("startVirtualMachine", jobResult: "virtualmachine")
    /// `stopVirtualMachine`: async, job result `virtualmachine`.
    public static let stopVirtualMachine = AsyncCommand<VirtualMachine>("stopVirtualMachine", jobResult: "virtualmachine")
    /// `updateNetwork`: async, job result `network`.
    public static let updateNetwork = AsyncCommand<Network>("updateNetwork", jobResult: "network")
    /// `updateNetworkACLItem`: async, job result `networkacl`.
    public static let updateNetworkACLItem = AsyncCommand<NetworkACLItem>("updateNetworkACLItem", jobResult: "networkacl")
    /// `updateTemplate`: object `template`.
    public static let updateTemplate = ObjectCommand<Template>("updateTemplate", object: "template")
    /// `updateVMAffinityGroup`: async, job result `virtualmachine`.
    public static let updateVMAffinityGroup = AsyncCommand<VirtualMachine>("updateVMAffinityGroup", jobResult: "virtualmachine")
    /// `updateVirtualMachine`: object `virtualmachine`.
    public static let updateVirtualMachine = ObjectCommand<VirtualMachine>("updateVirtualMachine", object: "virtualmachine")
    /// `updateVPC`: async, job result `vpc`.
    public static let updateVPC = AsyncCommand<VPC>("updateVPC", jobResult: "vpc")
    /// `updateVpnCustomerGateway`: async, job result `vpncustomergateway`.
    public static let updateVpnCustomerGateway = AsyncCommand<VpnCustomerGateway>(
        "updateVpnCustomerGateway", jobResult: "vpncustomergateway")

    /// Every descriptor above, for table tests and metrics label sets.
    public static let all: [CommandDescriptor] = [
        addIpToNic.descriptor,
        addNicToVirtualMachine.descriptor,
        addResourceDetail.descriptor,
        associateIpAddress.descriptor,
        attachVolume.descriptor,
        authorizeSecurityGroupEgress.descriptor,
        authorizeSecurityGroupIngress.descriptor,
        changeOfferingForVolume.descriptor,
        createAffinityGroup.descriptor,
        createInstanceGroup.descriptor,
        createNetwork.descriptor,
        createNetworkACL.descriptor,
        createNetworkACLList.descriptor,
        createSSHKeyPair.descriptor,
        createSecurityGroup.descriptor,
        createSnapshot.descriptor,
        createStaticRoute.descriptor,
        createTags.descriptor,
        createTemplate.descriptor,
        createVPC.descriptor,
        createVolume.descriptor,
        createVpnConnection.descriptor,
        createVpnCustomerGateway.descriptor,
        createVpnGateway.descriptor,
        deleteAffinityGroup.descriptor,
        deleteInstanceGroup.descriptor,
        deleteNetwork.descriptor,
        deleteNetworkACL.descriptor,
        deleteNetworkACLList.descriptor,
        deleteSSHKeyPair.descriptor,
        deleteSecurityGroup.descriptor,
        deleteSnapshot.descriptor,
        deleteStaticRoute.descriptor,
        deleteTags.descriptor,
        deleteTemplate.descriptor,
        deleteVPC.descriptor,
        deleteVolume.descriptor,
        deleteVpnConnection.descriptor,
        deleteVpnCustomerGateway.descriptor,
        deleteVpnGateway.descriptor,
        deployVirtualMachine.descriptor,
        destroyVirtualMachine.descriptor,
        detachVolume.descriptor,
        disableStaticNat.descriptor,
        disassociateIpAddress.descriptor,
        enableStaticNat.descriptor,
        expungeVirtualMachine.descriptor,
        getUser.descriptor,
        getUserKeys.descriptor,
        getVMPassword.descriptor,
        listAccounts.descriptor,
        listAffinityGroups.descriptor,
        listAsyncJobs.descriptor,
        listCapabilities.descriptor,
        listDiskOfferings.descriptor,
        listInstanceGroups.descriptor,
        listNetworkACLLists.descriptor,
        listNetworkACLs.descriptor,
        listNetworkOfferings.descriptor,
        listNetworks.descriptor,
        listPrivateGateways.descriptor,
        listPublicIpAddresses.descriptor,
        listRegions.descriptor,
        listResourceDetails.descriptor,
        listResourceLimits.descriptor,
        listSSHKeyPairs.descriptor,
        listSecurityGroups.descriptor,
        listServiceOfferings.descriptor,
        listSnapshots.descriptor,
        listStaticRoutes.descriptor,
        listTags.descriptor,
        listTemplates.descriptor,
        listUsers.descriptor,
        listVPCOfferings.descriptor,
        listVPCs.descriptor,
        listVirtualMachines.descriptor,
        listVolumes.descriptor,
        listVpnConnections.descriptor,
        listVpnCustomerGateways.descriptor,
        listVpnGateways.descriptor,
        listZones.descriptor,
        queryAsyncJobResult.descriptor,
        rebootVirtualMachine.descriptor,
        registerSSHKeyPair.descriptor,
        registerTemplate.descriptor,
        removeIpFromNic.descriptor,
        removeNicFromVirtualMachine.descriptor,
        removeResourceDetail.descriptor,
        replaceNetworkACLList.descriptor,
        resetVpnConnection.descriptor,
        resizeVolume.descriptor,
        revokeSecurityGroupEgress.descriptor,
        revokeSecurityGroupIngress.descriptor,
        startVirtualMachine.descriptor,
        stopVirtualMachine.descriptor,
        updateNetwork.descriptor,
        updateNetworkACLItem.descriptor,
        updateTemplate.descriptor,
        updateVMAffinityGroup.descriptor,
        updateVPC.descriptor,
        updateVirtualMachine.descriptor,
    ]
}
