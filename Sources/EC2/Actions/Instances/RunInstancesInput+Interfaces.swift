/// RunInstances with more than one `NetworkInterface.N`: one CloudStack NIC per interface, on the
/// interface's subnet, in `DeviceIndex` order (deploy's `networkids`, or `iptonetworklist` when an
/// interface names its `PrivateIpAddress`).
extension RunInstancesInput {
    /// At most this many interfaces per instance (EC2's largest instance types take more; CloudStack
    /// has no per-offering limit, so this only bounds the work of one request).
    static let maximumInterfaces = 8

    /// The interfaces by `DeviceIndex` (the first one alone may omit it: device 0).
    var orderedInterfaces: [NetworkInterface] {
        (networkInterfaces ?? []).enumerated().sorted { ($0.element.deviceIndex ?? $0.offset) < ($1.element.deviceIndex ?? $1.offset) }
            .map(\.element)
    }

    /// Whether the instance gets more than one NIC.
    var hasSeveralInterfaces: Bool { (networkInterfaces?.count ?? 0) > 1 }

    /// Checks several interfaces: each on its own subnet with a distinct device index 0…N-1, the
    /// security groups only on device 0 or the same on all (CloudStack's groups belong to the VM), no
    /// public address (EC2 refuses that with several interfaces too), private addresses only for one instance.
    func validateSeveralInterfaces() throws(EC2Error) {
        let interfaces = networkInterfaces ?? []
        guard interfaces.count <= Self.maximumInterfaces else {
            throw EC2Error.invalidParameterValue("At most \(Self.maximumInterfaces) network interfaces can be given per instance")
        }
        if subnetId != nil || securityGroupIds != nil || securityGroups != nil || privateIpAddress != nil {
            throw EC2Error.invalidParameterCombination(
                "Network interfaces and an instance-level subnet ID, security groups or private IP address may not be specified on the same request"
            )
        }
        var indices = Set<Int>()
        for (offset, interface) in interfaces.enumerated() {
            let member = "NetworkInterface.\(offset + 1)"
            guard let index = interface.deviceIndex else { throw EC2Error.missingParameter(member + ".DeviceIndex") }
            guard (0..<interfaces.count).contains(index), indices.insert(index).inserted else {
                throw EC2Error.invalidParameterValue(
                    "\(member).DeviceIndex=\(index): the interfaces' device indices must be 0 to \(interfaces.count - 1), each once")
            }
            guard interface.subnetId != nil else { throw EC2Error.missingParameter(member + ".SubnetId") }
            if interface.associatePublicIpAddress == true {
                throw EC2Error.invalidParameterCombination(
                    "The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.")
            }
            if interface.deleteOnTermination == false {
                throw EC2Error.unsupportedOperation(
                    "\(member).DeleteOnTermination=false cannot be honoured: a CloudStack NIC goes with its VM.")
            }
        }
        let ordered = orderedInterfaces
        let groups = ordered.first?.securityGroupIds
        for (offset, interface) in interfaces.enumerated() where interface.deviceIndex != 0 {
            if let own = interface.securityGroupIds, Set(own) != Set(groups ?? []) {
                throw EC2Error.unsupportedOperation(
                    "NetworkInterface.\(offset + 1).SecurityGroupId cannot be honoured: CloudStack's security groups belong to the whole VM, so every interface has the groups of device 0."
                )
            }
        }
        if maxCount > 1 && interfaces.contains(where: { $0.privateIpAddress != nil }) {
            throw EC2Error.invalidParameterCombination("A private IP address can only be given when launching one instance")
        }
    }
}
