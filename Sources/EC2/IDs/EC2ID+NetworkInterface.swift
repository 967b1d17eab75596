import CloudStack

extension EC2ID {
    /// A CloudStack NIC as an EC2 network interface: `eni-` + the NIC's UUID hex (decision 0009).
    ///
    /// The one function every view that names an interface uses (DescribeInstances'
    /// `networkInterfaceSet`, DescribeAddresses, DescribeNetworkInterfaces), so the ids agree by construction.
    static func networkInterface(_ nic: Nic) -> EC2ID? {
        nic.id.flatMap { EC2ID(kind: .networkInterface, cloudStackUUID: $0) }
    }
}
