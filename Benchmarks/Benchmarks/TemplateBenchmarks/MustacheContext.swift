// The same data as the view models, as the `[String: Any]` context swift-mustache renders fastest
// from (its struct path uses Mirror and is about three times slower: docs/notes/hot-path-costs.md).

extension DescribeInstancesModel {
    var mustacheContext: [String: Any] {
        var context: [String: Any] = ["reservationSet": reservationSet.map(\.mustacheContext)]
        if let nextToken { context["nextToken"] = nextToken }
        return context
    }
}

extension ReservationModel {
    var mustacheContext: [String: Any] {
        [
            "reservationId": reservationId, "ownerId": ownerId,
            "groupSet": groupSet.map(\.mustacheContext), "instancesSet": instancesSet.map(\.mustacheContext),
        ]
    }
}

extension GroupModel {
    var mustacheContext: [String: Any] { ["groupId": groupId, "groupName": groupName] }
}

extension InstanceModel {
    var mustacheContext: [String: Any] {
        var context: [String: Any] = [
            "instanceId": instanceId, "imageId": imageId,
            "instanceState": ["code": instanceState.code, "name": instanceState.name],
            "privateDnsName": privateDnsName, "dnsName": dnsName, "reason": reason,
            "amiLaunchIndex": amiLaunchIndex,
            "productCodes": productCodes.map { ["productCode": $0.productCode, "type": $0.type] },
            "instanceType": instanceType, "launchTime": launchTime,
            "placement": ["availabilityZone": placement.availabilityZone, "tenancy": placement.tenancy],
            "monitoring": ["state": monitoring.state],
            "groupSet": groupSet.map(\.mustacheContext), "architecture": architecture,
            "rootDeviceType": rootDeviceType,
            "blockDeviceMapping": blockDeviceMapping.map { device -> [String: Any] in
                var mapping: [String: Any] = ["deviceName": device.deviceName]
                if let ebs = device.ebs {
                    mapping["ebs"] =
                        [
                            "volumeId": ebs.volumeId, "status": ebs.status, "attachTime": ebs.attachTime,
                            "deleteOnTermination": ebs.deleteOnTermination,
                        ] as [String: Any]
                }
                return mapping
            },
            "virtualizationType": virtualizationType,
            "tagSet": tagSet.map { ["key": $0.key, "value": $0.value] }, "hypervisor": hypervisor,
        ]
        if let keyName { context["keyName"] = keyName }
        if let subnetId { context["subnetId"] = subnetId }
        if let vpcId { context["vpcId"] = vpcId }
        if let privateIpAddress { context["privateIpAddress"] = privateIpAddress }
        if let ipAddress { context["ipAddress"] = ipAddress }
        if let rootDeviceName { context["rootDeviceName"] = rootDeviceName }
        return context
    }
}
