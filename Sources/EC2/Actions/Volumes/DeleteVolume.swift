import CloudStack

/// `DeleteVolume` [deleteVolume]: only a volume attached to nothing (EC2's `VolumeInUse` otherwise).
enum DeleteVolume: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let volumeId: String
        enum CodingKeys: String, CodingKey { case volumeId = "VolumeId" }
    }

    typealias Output = ReturnView
    static let name = "DeleteVolume"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.volumeId, as: .volume)
        let volume = try await VolumeLookup.require(id, in: context)
        if let vm = volume.virtualmachineid.flatMap({ EC2ID(kind: .instance, cloudStackUUID: $0) }) {
            throw EC2Error(code: "VolumeInUse", message: "Volume \(id.description) is currently attached to \(vm.description)")
        }
        if let job = context.memory.volumeJobs.value(for: id.cloudStackUUID), job.kind == .attach, volume.jobid == job.jobID {
            throw EC2Error(code: "VolumeInUse", message: "Volume \(id.description) is being attached to \(job.instanceID)")
        }
        context.memory.volumesChanged(by: context.accessKeyID)
        _ = try await context.call(CommandTable.deleteVolume, ["id": id.cloudStackUUID], context: .ids(.volume, [id.description]))
        return ReturnView(value: true)
    }
}
