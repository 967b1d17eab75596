import CloudStack

/// `ModifyInstanceAttribute`: one attribute per call, as on EC2. instanceType [changeServiceForVirtualMachine
/// when stopped, scaleVirtualMachine when running], userData [updateVirtualMachine, stopped only as on EC2],
/// groupSet (`GroupId.N`) [updateVirtualMachine `securitygroupids`, stopped only, as CloudStack allows];
/// the flags CloudStack cannot change are accepted at the value it always has and refused otherwise.
enum ModifyInstanceAttribute: EC2Action {
    /// `BlockDeviceMapping.N` (`InstanceBlockDeviceMappingSpecification`): decoded to be refused by name.
    struct BlockDeviceChange: Decodable, Sendable {
        struct Ebs: Decodable, Sendable {
            let volumeId: String?
            let deleteOnTermination: Bool?
            enum CodingKeys: String, CodingKey {
                case volumeId = "VolumeId"
                case deleteOnTermination = "DeleteOnTermination"
            }
        }
        let deviceName: String?
        let ebs: Ebs?
        let virtualName: String?
        let noDevice: String?
        enum CodingKeys: String, CodingKey {
            case deviceName = "DeviceName"
            case ebs = "Ebs"
            case virtualName = "VirtualName"
            case noDevice = "NoDevice"
        }
    }

    /// Wire input: the `Attribute`/`Value` form and the structured members.
    struct Input: Decodable, Sendable {
        let instanceId: String
        let attribute: String?
        let value: String?
        let instanceType: AttributeValueInput?
        let userData: BlobValueInput?
        let groupIds: [String]?
        let disableApiTermination: BooleanValueInput?
        let disableApiStop: BooleanValueInput?
        let ebsOptimized: BooleanValueInput?
        let enaSupport: BooleanValueInput?
        let sourceDestCheck: BooleanValueInput?
        let instanceInitiatedShutdownBehavior: AttributeValueInput?
        let kernel: AttributeValueInput?
        let ramdisk: AttributeValueInput?
        let sriovNetSupport: AttributeValueInput?
        let blockDeviceMappings: [BlockDeviceChange]?
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case attribute = "Attribute"
            case value = "Value"
            case instanceType = "InstanceType"
            case userData = "UserData"
            case groupIds = "GroupId"
            case disableApiTermination = "DisableApiTermination"
            case disableApiStop = "DisableApiStop"
            case ebsOptimized = "EbsOptimized"
            case enaSupport = "EnaSupport"
            case sourceDestCheck = "SourceDestCheck"
            case instanceInitiatedShutdownBehavior = "InstanceInitiatedShutdownBehavior"
            case kernel = "Kernel"
            case ramdisk = "Ramdisk"
            case sriovNetSupport = "SriovNetSupport"
            case blockDeviceMappings = "BlockDeviceMapping"
        }
    }

    /// The one change a call asks for.
    enum Change: Equatable {
        case instanceType(String)
        case userData(Base64Blob)
        case groups([String])
        /// An attribute CloudStack has fixed at the value it always reports: only that value is accepted.
        case fixed(name: String, value: String, always: String)
        /// An attribute CloudStack has no counterpart for.
        case unsupported(name: String)
    }

    typealias Output = ReturnView
    static let name = "ModifyInstanceAttribute"

    static func validate(_ input: Input) throws(EC2Error) {
        _ = try change(input)
    }

    /// The change `input` asks for: exactly one attribute, by either form, or EC2's
    /// `InvalidParameterCombination` ("No attributes specified." / "Fields for multiple attribute types specified: ...").
    static func change(_ input: Input) throws(EC2Error) -> Change {
        var changes: [(name: String, change: Change)] = []
        func add(_ name: String, _ change: Change) { changes.append((name, change)) }
        func required<T>(_ value: T?, _ member: String) throws(EC2Error) -> T {
            guard let value else { throw EC2Error.missingParameter(member) }
            return value
        }
        func flag(_ name: String, _ value: Bool?, member: String, always: Bool) throws(EC2Error) {
            add(name, .fixed(name: name, value: String(try required(value, member + ".Value")), always: String(always)))
        }
        if let type = input.instanceType { add("instanceType", .instanceType(try required(type.value, "InstanceType.Value"))) }
        if let data = input.userData { add("userData", .userData(try required(data.value, "UserData.Value"))) }
        if let groups = input.groupIds { add("groupSet", .groups(groups)) }
        if let value = input.disableApiTermination {
            try flag("disableApiTermination", value.value, member: "DisableApiTermination", always: false)
        }
        if let value = input.disableApiStop { try flag("disableApiStop", value.value, member: "DisableApiStop", always: false) }
        if let value = input.ebsOptimized { try flag("ebsOptimized", value.value, member: "EbsOptimized", always: false) }
        if let value = input.enaSupport { try flag("enaSupport", value.value, member: "EnaSupport", always: false) }
        if let value = input.sourceDestCheck { try flag("sourceDestCheck", value.value, member: "SourceDestCheck", always: true) }
        if let behavior = input.instanceInitiatedShutdownBehavior {
            let value = try required(behavior.value, "InstanceInitiatedShutdownBehavior.Value")
            add("instanceInitiatedShutdownBehavior", .fixed(name: "instanceInitiatedShutdownBehavior", value: value, always: "stop"))
        }
        if input.kernel != nil { add("kernel", .unsupported(name: "kernel")) }
        if input.ramdisk != nil { add("ramdisk", .unsupported(name: "ramdisk")) }
        if input.sriovNetSupport != nil { add("sriovNetSupport", .unsupported(name: "sriovNetSupport")) }
        if input.blockDeviceMappings != nil { add("blockDeviceMapping", .unsupported(name: "blockDeviceMapping")) }
        if let attribute = input.attribute {
            add(try InstanceAttributeName.check(attribute), try valueForm(attribute, input))
        } else if input.value != nil {
            throw EC2Error.missingParameter("Attribute")
        }
        switch changes.count {
        case 0: throw EC2Error.invalidParameterCombination("No attributes specified.")
        case 1: break
        default:
            throw EC2Error.invalidParameterCombination(
                "Fields for multiple attribute types specified: " + changes.map(\.name).joined(separator: ", "))
        }
        let change = changes[0].change
        if case .fixed(let name, let value, let always) = change {
            if name == "instanceInitiatedShutdownBehavior" && !["stop", "terminate"].contains(value) {
                throw EC2Error.invalidParameterValue(
                    name: "InstanceInitiatedShutdownBehavior", value: XMLSafeName.clip(value), expected: "stop or terminate")
            }
            guard value.lowercased() == always else {
                throw EC2Error.unsupportedOperation(
                    "CloudStack cannot set the instance attribute \(name) to \(XMLSafeName.clip(value)): it is always \(always) there.")
            }
        }
        if case .unsupported(let name) = change {
            throw EC2Error.unsupportedOperation("The instance attribute \(name) cannot be modified on CloudStack.")
        }
        return change
    }

    /// The older `Attribute=name&Value=v` form.
    private static func valueForm(_ attribute: String, _ input: Input) throws(EC2Error) -> Change {
        if attribute == "groupSet" {
            // The group ids come as GroupId.N; counted once, under groupSet.
            guard input.groupIds == nil else { return .groups(input.groupIds ?? []) }
            throw EC2Error.missingParameter("GroupId")
        }
        guard InstanceAttributeView.valueAttributes.contains(attribute), !["kernel", "ramdisk", "sriovNetSupport"].contains(attribute)
        else { return .unsupported(name: attribute) }
        guard let value = input.value else { throw EC2Error.missingParameter("Value") }
        switch attribute {
        case "instanceType": return .instanceType(value)
        case "userData":
            guard let blob = Base64Blob(base64: value) else { throw EC2Error.invalidParameterValue("User data must be base64 encoded.") }
            return .userData(blob)
        case "disableApiTermination", "disableApiStop", "ebsOptimized", "enaSupport":
            return .fixed(name: attribute, value: value, always: "false")
        case "sourceDestCheck": return .fixed(name: attribute, value: value, always: "true")
        case "instanceInitiatedShutdownBehavior": return .fixed(name: attribute, value: value, always: "stop")
        default: return .unsupported(name: attribute)
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let change = try Self.change(input)
        let id = try EC2ID.parse(input.instanceId, as: .instance)
        let groupIDs: [EC2ID]
        if case .groups(let groups) = change {
            var parsed: [EC2ID] = []
            for group in groups { parsed.append(try EC2ID.parse(group, as: .securityGroup)) }
            groupIDs = parsed
        } else {
            groupIDs = []
        }
        guard let vm = try await InstanceLookup.require([id], in: context).first?.vm else {
            throw EC2Error.notFound(.instance, ids: [input.instanceId])
        }
        let errorContext = ErrorContext.ids(.instance, [input.instanceId])
        let notStopped = EC2Error(
            code: "IncorrectInstanceState", message: "The instance '\(input.instanceId)' is not in the 'stopped' state.")
        switch change {
        case .instanceType(let type):
            let offerings = try await context.list(CommandTable.listServiceOfferings)
            guard let offering = InstanceTypeNames(configured: context.configuration.instanceTypes).offering(for: type, in: offerings),
                let offeringID = offering.id
            else { throw EC2Error.invalidParameterValue("Invalid value '\(XMLSafeName.clip(type))' for InstanceType.") }
            let parameters: Parameters = ["id": id.cloudStackUUID, "serviceofferingid": offeringID]
            switch vm.state {
            case "Stopped": _ = try await context.call(EC2Commands.changeServiceForVirtualMachine, parameters, context: errorContext)
            case "Running": _ = try await context.submit(EC2Commands.scaleVirtualMachine, parameters, context: errorContext)
            default: throw notStopped
            }
        case .userData(let userData):
            guard vm.state == "Stopped" else { throw notStopped }
            _ = try await context.call(
                CommandTable.updateVirtualMachine, ["id": id.cloudStackUUID, "userdata": userData.encoded], context: errorContext)
        case .groups:
            try await replaceGroups(of: vm, id: id, with: groupIDs, instanceID: input.instanceId, in: context)
        case .fixed, .unsupported:
            // `change` accepted only the value CloudStack always has: nothing to call.
            break
        }
        return ReturnView(value: true)
    }

    /// `GroupId.N`: CloudStack replaces a VM's security groups only while it is stopped, and only where its
    /// network has security groups; elsewhere it ignores the list, so the answer is checked.
    static func replaceGroups(
        of vm: VirtualMachine, id: EC2ID, with groups: [EC2ID], instanceID: String, in context: ActionContext
    ) async throws(EC2Error) {
        guard !groups.isEmpty else { throw EC2Error.missingParameter("GroupId.1") }
        guard vm.state == "Stopped" else {
            throw EC2Error(
                code: "IncorrectInstanceState",
                message:
                    "The instance '\(instanceID)' is not in the 'stopped' state: CloudStack changes the security groups of stopped instances only."
            )
        }
        var parameters: Parameters = ["id": id.cloudStackUUID]
        parameters.setList("securitygroupids", groups.map(\.cloudStackUUID))
        let updated = try await context.call(
            CommandTable.updateVirtualMachine, parameters, context: .ids(.securityGroup, groups.map(\.description)))
        let now = Set(updated.securitygroup.compactMap(\.id))
        guard now == Set(groups.map(\.cloudStackUUID)) else {
            throw EC2Error.unsupportedOperation(
                "The network of instance '\(instanceID)' has no security groups: CloudStack cannot change its groups.")
        }
    }
}
