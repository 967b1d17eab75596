import CloudStack

/// `DetachNetworkInterface` [listVirtualMachines, removeNicFromVirtualMachine]: the attachment
/// `eni-attach-` + the NIC's UUID hex. A CloudStack NIC cannot outlive its VM, so detaching removes it
/// (its interface is then gone, as after EC2 deletes a detached interface with DeleteOnTermination).
///
/// The default NIC (device index 0) is refused as EC2 refuses detaching the primary interface.
/// `Force` changes nothing: CloudStack's removal is the same either way.
enum DetachNetworkInterface: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let attachmentId: String?
        let force: Bool?
        enum CodingKeys: String, CodingKey {
            case attachmentId = "AttachmentId"
            case force = "Force"
        }
    }

    static let name = "DetachNetworkInterface"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.attachmentId else { throw EC2Error.missingParameter("AttachmentId") }
        _ = try EC2ID.parse(id, as: .networkInterfaceAttachment)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> ReturnView {
        let attachment = try EC2ID.parse(input.attachmentId ?? "", as: .networkInterfaceAttachment)
        let vms = try await InstanceLookup.virtualMachines(nil, in: context)
        for vm in vms {
            guard let nic = vm.nic.first(where: { $0.id == attachment.cloudStackUUID }), let vmID = vm.id, let nicID = nic.id else {
                continue
            }
            if nic.isdefault == true {
                throw EC2Error(
                    code: "OperationNotPermitted",
                    message: "The network interface at device index 0 and networkCard index 0 cannot be detached.")
            }
            _ = try await context.run(CommandTable.removeNicFromVirtualMachine, ["virtualmachineid": vmID, "nicid": nicID])
            return ReturnView(value: true)
        }
        throw EC2Error.notFound(.networkInterfaceAttachment, ids: [attachment.description])
    }
}
