import JSON

extension Call {
    /// Queues an async job for this command and writes the immediate reply:
    /// `{"jobid":…}`, or `{"id":…,"jobid":…}` for `BaseAsyncCreateCmd` commands (`createdID`).
    func startJob(
        _ world: inout World, into w: inout JSONWriter, instanceType: String?, instanceID: String?,
        createdID: String? = nil, sync: String? = nil,
        begin: @escaping @Sendable (inout World) -> Void = { _ in },
        finish: @escaping @Sendable (inout World, Int64) throws -> [UInt8]
    ) -> String {
        let jobID = world.startJob(
            caller: caller, commandClass: JavaClass.name(command, admin: caller.isAdmin), instanceType: instanceType,
            instanceID: instanceID, syncObject: sync ?? instanceID, now: nowNanos, duration: jobNanos,
            work: AsyncJob.Work(begin: begin, finish: finish))
        w.beginObject()
        if let createdID { w.member("id", createdID) }
        w.member("jobid", jobID)
        w.endObject()
        return jobID
    }
}

/// Writes one named object as a job result: `{"<name>":{…}}`.
func jobResult(_ name: StaticString, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
    var w = JSONWriter(reservingCapacity: 2048)
    w.beginObject()
    w.key(name)
    body(&w)
    w.endObject()
    return w.take()
}

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
        "createSnapshot": ("snapshot.CreateSnapshotCmd", false), "deleteSnapshot": ("snapshot.DeleteSnapshotCmd", false),
        "createTemplate": ("template.CreateTemplateCmd", true), "deleteTemplate": ("template.DeleteTemplateCmd", false),
        "createTags": ("tag.CreateTagsCmd", false), "deleteTags": ("tag.DeleteTagsCmd", false),
        "authorizeSecurityGroupIngress": ("securitygroup.AuthorizeSecurityGroupIngressCmd", false),
        "authorizeSecurityGroupEgress": ("securitygroup.AuthorizeSecurityGroupEgressCmd", false),
        "revokeSecurityGroupIngress": ("securitygroup.RevokeSecurityGroupIngressCmd", false),
        "revokeSecurityGroupEgress": ("securitygroup.RevokeSecurityGroupEgressCmd", false),
        "createVPC": ("vpc.CreateVPCCmd", true), "deleteVPC": ("vpc.DeleteVPCCmd", false),
        "associateIpAddress": ("address.AssociateIPAddrCmd", true),
        "disassociateIpAddress": ("address.DisassociateIPAddrCmd", false),
        "disableStaticNat": ("nat.DisableStaticNatCmd", false),
    ]

    static func name(_ command: Command, admin: Bool) -> String {
        guard let (path, hasAdmin) = classes[command.name] else { return base + "user." + command.name }
        if path.hasPrefix("admin.") { return base + path }
        if admin && hasAdmin { return base + "admin." + path + "ByAdmin" }
        return base + "user." + path
    }
}
