/// The Java command class CloudStack reports in `cmd` (admin variants where 4.18 has them).
enum JavaClass {
    private static let base = "org.apache.cloudstack.api.command."
    private static let classes: [String: (String, Bool)] = [
        "deployVirtualMachine": ("vm.DeployVMCmd", true), "destroyVirtualMachine": ("vm.DestroyVMCmd", true),
        "startVirtualMachine": ("vm.StartVMCmd", true), "stopVirtualMachine": ("vm.StopVMCmd", true),
        "rebootVirtualMachine": ("vm.RebootVMCmd", true), "expungeVirtualMachine": ("admin.vm.ExpungeVMCmd", false),
        "recoverVirtualMachine": ("vm.RecoverVMCmd", false),
        "createVolume": ("volume.CreateVolumeCmd", true), "attachVolume": ("volume.AttachVolumeCmd", true),
        "detachVolume": ("volume.DetachVolumeCmd", true), "resizeVolume": ("volume.ResizeVolumeCmd", true),
        "changeOfferingForVolume": ("volume.ChangeOfferingForVolumeCmd", false),
        "createSnapshot": ("snapshot.CreateSnapshotCmd", false), "deleteSnapshot": ("snapshot.DeleteSnapshotCmd", false),
        "createTemplate": ("template.CreateTemplateCmd", true), "deleteTemplate": ("template.DeleteTemplateCmd", false),
        "createTags": ("tag.CreateTagsCmd", false), "deleteTags": ("tag.DeleteTagsCmd", false),
        // CloudStack keeps the resource-detail commands in the volume package.
        "addResourceDetail": ("volume.AddResourceDetailCmd", false), "removeResourceDetail": ("volume.RemoveResourceDetailCmd", false),
        "authorizeSecurityGroupIngress": ("securitygroup.AuthorizeSecurityGroupIngressCmd", false),
        "authorizeSecurityGroupEgress": ("securitygroup.AuthorizeSecurityGroupEgressCmd", false),
        "revokeSecurityGroupIngress": ("securitygroup.RevokeSecurityGroupIngressCmd", false),
        "revokeSecurityGroupEgress": ("securitygroup.RevokeSecurityGroupEgressCmd", false),
        "createVPC": ("vpc.CreateVPCCmd", true), "deleteVPC": ("vpc.DeleteVPCCmd", false),
        "updateVPC": ("vpc.UpdateVPCCmd", true),
        "deleteNetwork": ("network.DeleteNetworkCmd", false), "updateNetwork": ("network.UpdateNetworkCmd", true),
        "associateIpAddress": ("address.AssociateIPAddrCmd", true),
        "disassociateIpAddress": ("address.DisassociateIPAddrCmd", false),
        "disableStaticNat": ("nat.DisableStaticNatCmd", false),
        "createNetworkACLList": ("network.CreateNetworkACLListCmd", false),
        "deleteNetworkACLList": ("network.DeleteNetworkACLListCmd", false),
        "replaceNetworkACLList": ("network.ReplaceNetworkACLListCmd", false),
        "createNetworkACL": ("network.CreateNetworkACLCmd", false), "deleteNetworkACL": ("network.DeleteNetworkACLCmd", false),
        "updateNetworkACLItem": ("network.UpdateNetworkACLItemCmd", false),
        "createPrivateGateway": ("admin.vpc.CreatePrivateGatewayByAdminCmd", false),
        "createVpnCustomerGateway": ("vpn.CreateVpnCustomerGatewayCmd", false),
        "updateVpnCustomerGateway": ("vpn.UpdateVpnCustomerGatewayCmd", false),
        "deleteVpnCustomerGateway": ("vpn.DeleteVpnCustomerGatewayCmd", false),
        "createVpnGateway": ("vpn.CreateVpnGatewayCmd", false), "deleteVpnGateway": ("vpn.DeleteVpnGatewayCmd", false),
        "createVpnConnection": ("vpn.CreateVpnConnectionCmd", false), "deleteVpnConnection": ("vpn.DeleteVpnConnectionCmd", false),
        "resetVpnConnection": ("vpn.ResetVpnConnectionCmd", false),
        "createStaticRoute": ("vpc.CreateStaticRouteCmd", false), "deleteStaticRoute": ("vpc.DeleteStaticRouteCmd", false),
        "addIpToNic": ("vm.AddIpToVmNicCmd", false), "removeIpFromNic": ("vm.RemoveIpFromVmNicCmd", false),
        "updateVMAffinityGroup": ("affinitygroup.UpdateVMAffinityGroupCmd", false),
        "addNicToVirtualMachine": ("vm.AddNicToVMCmd", false), "removeNicFromVirtualMachine": ("vm.RemoveNicFromVMCmd", false),
    ]

    static func name(_ command: Command, admin: Bool) -> String {
        guard let (path, hasAdmin) = classes[command.name] else { return base + "user." + command.name }
        if path.hasPrefix("admin.") { return base + path }
        if admin && hasAdmin { return base + "admin." + path + "ByAdmin" }
        return base + "user." + path
    }
}
