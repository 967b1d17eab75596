import CloudStack

/// `DescribeInstanceAttribute` [listVirtualMachines, with `userdata=true` for userData; listVolumes for blockDeviceMapping].
enum DescribeInstanceAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceId: String
        let attribute: String
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case attribute = "Attribute"
        }
    }

    typealias Output = InstanceAttributeView
    static let name = "DescribeInstanceAttribute"

    static func validate(_ input: Input) throws(EC2Error) {
        _ = try InstanceAttributeName.check(input.attribute)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.instanceId, as: .instance)
        let extra: Parameters = input.attribute == "userData" ? ["userdata": "true"] : Parameters()
        guard
            let vm = try await InstanceLookup.virtualMachines([id], extra: extra, in: context).first(where: { $0.id == id.cloudStackUUID })
        else {
            throw EC2Error.notFound(.instance, ids: [input.instanceId])
        }
        var view = InstanceAttributeView(instanceId: id.description, attribute: input.attribute)
        switch input.attribute {
        case "instanceType":
            view.value = InstanceTypeNames(configured: context.configuration.instanceTypes)
                .name(offeringID: vm.serviceofferingid, offeringName: vm.serviceofferingname)
        case "userData":
            view.value = vm.userdata.flatMap { $0.isEmpty ? nil : $0 }
        case "disableApiTermination", "ebsOptimized", "enaSupport", "disableApiStop":
            // CloudStack has no termination or stop protection, EBS optimisation or ENA.
            view.value = "false"
        case "sourceDestCheck":
            view.value = "true"
        case "instanceInitiatedShutdownBehavior":
            view.value = "stop"
        case "rootDeviceName":
            view.value = RootDevice.name
        case "groupSet":
            view.groups = InstanceMapping.view(vm, rootDevice: nil, names: InstanceTypeNames(configured: [:]))?.groupSet ?? []
        case "blockDeviceMapping":
            view.blockDeviceMapping = try await InstanceLookup.views([vm], withVolumes: true, in: context).first?.blockDeviceMapping ?? []
        default:
            break
        }
        return view
    }
}
