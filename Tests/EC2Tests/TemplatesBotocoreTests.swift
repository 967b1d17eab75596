import Foundation
import TestSupport
import Testing

@testable import EC2

/// Renders DescribeInstances (the production view models) from the embedded templates and parses it with botocore's own EC2
/// parser and service model, so element names and nesting are checked against AWS's published
/// model rather than against our own expectations.
@Suite struct TemplatesBotocoreTests {
    /// Parses stdin with botocore's EC2 parser for DescribeInstances; also walks the XML against the
    /// output shape and lists every element the model does not know (botocore itself ignores them).
    static let parserScript = #"""
        import sys, json, datetime
        import botocore.session, botocore.parsers
        from xml.etree import ElementTree

        body = sys.stdin.buffer.read()
        model = botocore.session.get_session().get_service_model("ec2")
        operation = model.operation_model("DescribeInstances")
        parsed = botocore.parsers.create_parser("ec2").parse(
            {"body": body, "headers": {}, "status_code": 200}, operation.output_shape)

        unknown = []
        def local(tag):
            return tag.split("}", 1)[-1]
        def walk(element, shape, path):
            for child in element:
                name = local(child.tag)
                where = path + "/" + name
                if shape.type_name == "structure":
                    members = {m.serialization.get("name", key): m for key, m in shape.members.items()}
                    if name in members:
                        walk(child, members[name], where)
                    elif not (path == "" and name == "requestId"):
                        unknown.append(where)
                elif shape.type_name == "list":
                    if name == shape.member.serialization.get("name", "member"):
                        walk(child, shape.member, where)
                    else:
                        unknown.append(where)
                else:
                    unknown.append(where)
        root = ElementTree.fromstring(body)
        walk(root, operation.output_shape, "")

        def plain(value):
            if isinstance(value, datetime.datetime):
                return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (value.microsecond // 1000)
            raise TypeError(type(value))
        print(json.dumps({"root": root.tag, "parsed": parsed, "unknown": unknown}, default=plain))
        """#

    /// Runs the parser script on `body` and returns its JSON output.
    static func parseWithBotocore(_ body: [UInt8]) throws -> [String: Any] {
        let outcome = try Subprocess.run("python3", ["-c", parserScript], input: Data(body))
        let data = outcome.stdout
        try #require(outcome.status == 0, "python3 with botocore failed (pip install botocore): \(outcome.errors)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: [0, 1, 7])
    func describeInstancesRoundTripsThroughBotocore(count: Int) throws {
        let model = DescribeInstances.Output.sample(instances: count, nextToken: count == 7 ? "token&<next>" : nil)
        let template = try TemplateCompiler.embedded().compileAction("DescribeInstances", as: DescribeInstances.Output.self)
        let body = template.render(model, requestID: "req-\(count)")
        let result = try Self.parseWithBotocore(body)

        #expect(result["root"] as? String == "{http://ec2.amazonaws.com/doc/2016-11-15/}DescribeInstancesResponse")
        #expect((result["unknown"] as? [String]) == [], "elements the EC2 model does not define")
        let parsed = try #require(result["parsed"] as? [String: Any])
        let metadata = try #require(parsed["ResponseMetadata"] as? [String: Any])
        #expect(metadata["RequestId"] as? String == "req-\(count)")
        #expect(parsed["NextToken"] as? String == model.nextToken)

        let reservations = try #require(parsed["Reservations"] as? [[String: Any]])
        #expect(reservations.count == model.reservationSet.count)
        for (wire, expected) in zip(reservations, model.reservationSet) {
            #expect(wire["ReservationId"] as? String == expected.reservationId)
            #expect(wire["OwnerId"] as? String == expected.ownerId)
            #expect(groups(wire["Groups"]) == expected.groupSet.map { [$0.groupId, $0.groupName] })
            let instances = try #require(wire["Instances"] as? [[String: Any]])
            #expect(instances.count == expected.instancesSet.count)
            for (instance, source) in zip(instances, expected.instancesSet) {
                try expectInstance(instance, equals: source)
            }
        }
    }

    private func groups(_ value: Any?) -> [[String]]? {
        (value as? [[String: Any]])?.map { [$0["GroupId"] as? String ?? "?", $0["GroupName"] as? String ?? "?"] }
    }

    private func expectInstance(_ wire: [String: Any], equals source: InstanceView) throws {
        #expect(wire["InstanceId"] as? String == source.instanceId)
        #expect(wire["ImageId"] as? String == source.imageId)
        let state = try #require(wire["State"] as? [String: Any])
        #expect(state["Code"] as? Int == source.instanceState.code)
        #expect(state["Name"] as? String == source.instanceState.name)
        #expect(wire["PrivateDnsName"] as? String == source.privateDnsName)
        #expect(wire["PublicDnsName"] as? String == source.dnsName)
        #expect(wire["StateTransitionReason"] as? String == source.reason)
        #expect(wire["KeyName"] as? String == source.keyName)
        #expect(wire["AmiLaunchIndex"] as? Int == source.amiLaunchIndex)
        let codes = (wire["ProductCodes"] as? [[String: Any]])?.map { [$0["ProductCodeId"] as? String, $0["ProductCodeType"] as? String] }
        #expect(codes == source.productCodes.map { [$0.productCode, $0.type] })
        #expect(wire["InstanceType"] as? String == source.instanceType)
        #expect(wire["LaunchTime"] as? String == source.launchTime)
        let placement = try #require(wire["Placement"] as? [String: Any])
        #expect(placement["AvailabilityZone"] as? String == source.placement.availabilityZone)
        #expect(placement["Tenancy"] as? String == source.placement.tenancy)
        #expect((wire["Monitoring"] as? [String: Any])?["State"] as? String == source.monitoring.state)
        #expect(wire["SubnetId"] as? String == source.subnetId)
        #expect(wire["VpcId"] as? String == source.vpcId)
        #expect(wire["PrivateIpAddress"] as? String == source.privateIpAddress)
        #expect(wire["PublicIpAddress"] as? String == source.ipAddress)
        #expect(groups(wire["SecurityGroups"]) == source.groupSet.map { [$0.groupId, $0.groupName] })
        #expect(wire["Architecture"] as? String == source.architecture)
        #expect(wire["RootDeviceType"] as? String == source.rootDeviceType)
        #expect(wire["RootDeviceName"] as? String == source.rootDeviceName)
        let mappings = try #require(wire["BlockDeviceMappings"] as? [[String: Any]])
        #expect(mappings.count == source.blockDeviceMapping.count)
        for (mapping, device) in zip(mappings, source.blockDeviceMapping) {
            #expect(mapping["DeviceName"] as? String == device.deviceName)
            let ebs = mapping["Ebs"] as? [String: Any]
            #expect((ebs == nil) == (device.ebs == nil))
            if let ebs, let expected = device.ebs {
                #expect(ebs["VolumeId"] as? String == expected.volumeId)
                #expect(ebs["Status"] as? String == expected.status)
                #expect(ebs["AttachTime"] as? String == expected.attachTime)
                #expect(ebs["DeleteOnTermination"] as? Bool == expected.deleteOnTermination)
            }
        }
        #expect(wire["VirtualizationType"] as? String == source.virtualizationType)
        let tags = (wire["Tags"] as? [[String: Any]])?.map { [$0["Key"] as? String, $0["Value"] as? String] }
        #expect(tags == source.tagSet.map { [$0.key, $0.value] })
        #expect(wire["Hypervisor"] as? String == source.hypervisor)
    }
}
