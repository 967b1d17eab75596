@testable import EC2

// Sample values of the production view models for the template tests, so the templates are checked
// against the very models the actions render (botocore's locationNames are their field names).

extension InstanceView {
    /// A fully populated instance whose values differ per `index`, with characters that need escaping,
    /// an EBS device and a device without EBS, and a product code.
    static func sample(_ index: Int) -> InstanceView {
        var view = InstanceView(
            instanceId: "i-\(String(index, radix: 16))0000000000000000",
            imageId: "ami-0abc\(index)",
            instanceState: .running,
            privateDnsName: "ip-10-1-0-\(index).ec2.internal",
            dnsName: "",
            reason: "",
            keyName: index.isMultiple(of: 2) ? "key <\(index)> & 'quoted' \"name\"" : nil,
            amiLaunchIndex: index,
            instanceType: "t2.micro",
            launchTime: "2026-11-2\(index % 10)T10:00:0\(index % 10).000Z",
            placement: PlacementView(availabilityZone: "zone-\(index % 3)", tenancy: "default"),
            subnetId: "subnet-\(index)",
            vpcId: "vpc-1",
            privateIpAddress: "10.1.0.\(index % 250)",
            ipAddress: index.isMultiple(of: 3) ? nil : "198.51.100.\(index % 250)",
            groupSet: [GroupView(groupId: "sg-\(index)", groupName: "default")],
            blockDeviceMapping: [
                InstanceBlockDeviceMappingView(
                    deviceName: "/dev/sda1",
                    ebs: EbsInstanceBlockDeviceView(
                        volumeId: "vol-\(index)", status: "attached", attachTime: "2026-11-20T10:00:00.000Z", deleteOnTermination: true)),
                InstanceBlockDeviceMappingView(deviceName: "/dev/sdb", ebs: nil),
            ],
            tagSet: [TagView(key: "Name", value: "vm \(index) — ünïcødé ✓"), TagView(key: "env", value: "a<b&c>d")],
            reservationId: "r-\(index / 4 * 4)",
            ownerId: "123456789012",
            clientToken: nil,
            cloudStackState: "Running")
        view.productCodes = [ProductCodeView(productCode: "pc-\(index)", type: "marketplace")]
        return view
    }
}

extension DescribeInstances.Output {
    /// `count` instances spread over reservations of up to four.
    static func sample(instances count: Int, nextToken: String? = nil) -> DescribeInstances.Output {
        var reservations: [ReservationView] = []
        var index = 0
        while index < count {
            let group = (index..<min(index + 4, count)).map(InstanceView.sample)
            reservations.append(
                ReservationView(
                    reservationId: "r-\(index)", ownerId: "123456789012",
                    groupSet: [GroupView(groupId: "sg-r\(index)", groupName: "web")], instancesSet: group))
            index += 4
        }
        return DescribeInstances.Output(reservationSet: reservations, nextToken: nextToken)
    }
}
