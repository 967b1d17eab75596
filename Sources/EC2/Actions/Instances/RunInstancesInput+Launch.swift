/// RunInstances members beyond the image, type and block devices: the one network interface tools send
/// (Ansible's `ec2_instance` always does), and the flags CloudStack has no counterpart for.
extension RunInstancesInput {
    /// `NetworkInterface.N` (`InstanceNetworkInterfaceSpecification`): the members that map to a CloudStack
    /// NIC on one network; any other member is `UnknownParameter`.
    struct NetworkInterface: Decodable, Sendable {
        let deviceIndex: Int?
        let subnetId: String?
        let securityGroupIds: [String]?
        let privateIpAddress: String?
        let deleteOnTermination: Bool?
        let associatePublicIpAddress: Bool?
        enum CodingKeys: String, CodingKey {
            case deviceIndex = "DeviceIndex"
            case subnetId = "SubnetId"
            case securityGroupIds = "SecurityGroupId"
            case privateIpAddress = "PrivateIpAddress"
            case deleteOnTermination = "DeleteOnTermination"
            case associatePublicIpAddress = "AssociatePublicIpAddress"
        }
    }

    /// `Monitoring` (`RunInstancesMonitoringEnabled`).
    struct Monitoring: Decodable, Sendable {
        let enabled: Bool
        enum CodingKeys: String, CodingKey { case enabled = "Enabled" }
    }

    /// The subnet to launch in: `SubnetId`, or the network interface's.
    var launchSubnetId: String? { subnetId ?? networkInterfaces?.first?.subnetId }
    /// The security group ids: `SecurityGroupId.N`, or those of the interface at device 0.
    var launchSecurityGroupIds: [String]? { securityGroupIds ?? orderedInterfaces.first?.securityGroupIds }
    /// Whether every instance gets a public address of its own (`NetworkInterface.1.AssociatePublicIpAddress=true`;
    /// absent, the subnet's default applies, which is false for every CloudStack network: decision 0009 §11).
    var associatesPublicIpAddress: Bool { networkInterfaces?.count == 1 && networkInterfaces?.first?.associatePublicIpAddress == true }
    /// The private address of the first instance: `PrivateIpAddress`, or the network interface's.
    var launchPrivateIpAddress: String? { privateIpAddress ?? networkInterfaces?.first?.privateIpAddress }

    /// Refuses, naming the member, what CloudStack cannot do: EC2's defaults are accepted, anything else is
    /// `UnsupportedOperation` (or EC2's own error for a combination EC2 refuses too).
    func validateUnmappable() throws(EC2Error) {
        func refuse(_ member: String, _ reason: String) -> EC2Error {
            EC2Error.unsupportedOperation("\(member) cannot be honoured: \(reason).")
        }
        if disableApiTermination == true {
            throw refuse("DisableApiTermination=true", "CloudStack has no termination protection")
        }
        if disableApiStop == true { throw refuse("DisableApiStop=true", "CloudStack has no stop protection") }
        if ebsOptimized == true { throw refuse("EbsOptimized=true", "CloudStack has no EBS-optimised instances") }
        if monitoring?.enabled == true { throw refuse("Monitoring.Enabled=true", "CloudStack has no detailed monitoring") }
        switch instanceInitiatedShutdownBehavior {
        case nil, "stop": break
        case "terminate":
            throw refuse("InstanceInitiatedShutdownBehavior=terminate", "a CloudStack VM that shuts itself down is stopped")
        case let other?:
            throw EC2Error.invalidParameterValue(
                name: "InstanceInitiatedShutdownBehavior", value: XMLSafeName.clip(other), expected: "stop or terminate")
        }
        try validateNetworkInterfaces()
    }

    private func validateNetworkInterfaces() throws(EC2Error) {
        guard let interfaces = networkInterfaces, !interfaces.isEmpty else { return }
        if interfaces.count > 1 { return try validateSeveralInterfaces() }
        guard let interface = interfaces.first else { return }
        // EC2's own messages for members given both ways.
        if subnetId != nil && interface.subnetId != nil {
            throw EC2Error.invalidParameterCombination(
                "Network interfaces and an instance-level subnet ID may not be specified on the same request")
        }
        if (securityGroupIds != nil || securityGroups != nil) && interface.securityGroupIds != nil {
            throw EC2Error.invalidParameterCombination(
                "Network interfaces and an instance-level security groups may not be specified on the same request")
        }
        if privateIpAddress != nil && interface.privateIpAddress != nil {
            throw EC2Error.invalidParameterCombination(
                "Network interfaces and an instance-level private IP address should not be specified on the same request")
        }
        if let index = interface.deviceIndex, index != 0 {
            throw EC2Error.unsupportedOperation(
                "NetworkInterface.1.DeviceIndex=\(index) cannot be honoured: the one interface is device 0.")
        }
        if interface.deleteOnTermination == false {
            throw EC2Error.unsupportedOperation(
                "NetworkInterface.1.DeleteOnTermination=false cannot be honoured: a CloudStack NIC goes with its VM.")
        }
    }
}
