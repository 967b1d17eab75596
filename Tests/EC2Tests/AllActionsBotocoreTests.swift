import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// One successful call of every action, each answer parsed by botocore against the EC2 model:
/// the right root element, no element the model does not know, every required member present.
@Suite struct AllActionsBotocoreTests {
    @Test func everyActionAnswersWhatBotocoreExpects() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 1), registry: true)
        let image = try await InstanceActionTests.imageID(cloud)
        let seeded = try #require(InstanceActionTests.instances(try await cloud.call("DescribeInstances")).first?["InstanceId"] as? String)
        var responses: [(String, Response)] = []
        func record(_ action: String, _ parameters: [(String, String)] = []) async {
            responses.append((action, await cloud.send(action, parameters)))
        }
        let publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
        await record("DescribeRegions")
        await record("DescribeAvailabilityZones")
        await record("DescribeAccountAttributes")
        await record("DescribeInstanceTypes")
        await record("DescribeAddresses")
        let natted = try await ElasticIPActionTests.launch(cloud)
        await record("AllocateAddress", [("Domain", "vpc")])
        let allocation = try #require(
            (try await cloud.call("DescribeAddresses")["Addresses"] as? [[String: Any]])?.compactMap { $0["AllocationId"] as? String }.first
        )
        await record("AssociateAddress", [("AllocationId", allocation), ("InstanceId", natted)])
        await record("DescribeAddressesAttribute", [("AllocationId.1", allocation), ("Attribute", "domain-name")])
        await record("DisassociateAddress", [("AssociationId", "eipassoc-" + allocation.dropFirst("eipalloc-".count))])
        await record("ReleaseAddress", [("AllocationId", allocation)])
        await record("CreatePlacementGroup", [("GroupName", "all-actions"), ("Strategy", "spread")])
        await record("DescribePlacementGroups")
        await record("DeletePlacementGroup", [("GroupName", "all-actions")])
        _ = try await cloud.call("CreatePlacementGroup", [("GroupName", "all-actions-moved"), ("Strategy", "cluster")])
        let placed = try await ElasticIPActionTests.launch(cloud)
        _ = try await cloud.call("StopInstances", [("InstanceId.1", placed)])
        cloud.clock.advance(seconds: 5)
        await record("ModifyInstancePlacement", [("InstanceId", placed), ("GroupName", "all-actions-moved")])
        _ = try await NetworkInterfaceActionTests.plugSecondNic(cloud, into: natted)
        let nics = try #require(try await ElasticIPActionTests.instance(cloud, natted)["NetworkInterfaces"] as? [[String: Any]])
        let eni = try #require(nics.first?["NetworkInterfaceId"] as? String)
        let extra = try #require((nics.last?["Attachment"] as? [String: Any])?["AttachmentId"] as? String)
        await record("DescribeNetworkInterfaces")
        await record("DescribeNetworkInterfaceAttribute", [("NetworkInterfaceId", eni), ("Attribute", "attachment")])
        await record("ModifyNetworkInterfaceAttribute", [("NetworkInterfaceId", eni), ("SourceDestCheck.Value", "true")])
        await record("ResetNetworkInterfaceAttribute", [("NetworkInterfaceId", eni), ("SourceDestCheck", "true")])
        await record("AssignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("SecondaryPrivateIpAddressCount", "1")])
        let secondary = try #require(
            (try await NetworkInterfaceActionTests.interfaces(cloud, [("NetworkInterfaceId.1", eni)]).first?["PrivateIpAddresses"]
                as? [[String: Any]])?.last?["PrivateIpAddress"] as? String)
        await record("UnassignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("PrivateIpAddress.1", secondary)])
        await record("DetachNetworkInterface", [("AttachmentId", extra)])
        await record("DescribeSecurityGroups")
        await record("CreateSecurityGroup", [("GroupName", "all-actions"), ("GroupDescription", "every action")])
        let group = try #require(
            SecurityGroupActionTests.groups(try await cloud.call("DescribeSecurityGroups", [("GroupName.1", "all-actions")])).first?[
                "GroupId"] as? String)
        let ssh = [("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8")]
        await record(
            "AuthorizeSecurityGroupIngress",
            [("GroupId", group), ("IpPermissions.1.FromPort", "22"), ("IpPermissions.1.ToPort", "22")] + ssh)
        let fromItself = [("GroupId", group), ("IpPermissions.1.IpProtocol", "-1"), ("IpPermissions.1.Groups.1.GroupId", group)]
        await record("AuthorizeSecurityGroupEgress", fromItself)
        await record("DescribeSecurityGroupRules", [("Filter.1.Name", "group-id"), ("Filter.1.Value.1", group)])
        let rules = try await cloud.call("DescribeSecurityGroupRules", [("Filter.1.Name", "group-id"), ("Filter.1.Value.1", group)])
        let ingress = try #require(
            (rules["SecurityGroupRules"] as? [[String: Any]])?.first { $0["IsEgress"] as? Bool == false }?["SecurityGroupRuleId"] as? String
        )
        await record(
            "ModifySecurityGroupRules",
            [
                ("GroupId", group), ("SecurityGroupRule.1.SecurityGroupRuleId", ingress),
                ("SecurityGroupRule.1.SecurityGroupRule.IpProtocol", "tcp"),
                ("SecurityGroupRule.1.SecurityGroupRule.FromPort", "2222"), ("SecurityGroupRule.1.SecurityGroupRule.ToPort", "2222"),
                ("SecurityGroupRule.1.SecurityGroupRule.CidrIpv4", "10.0.0.0/8"),
            ])
        await record("GetSecurityGroupsForVpc", [("VpcId", SecurityGroupMapping.defaultVpcID)])
        await record("DescribeSecurityGroupReferences", [("GroupId.1", group)])
        await record("DescribeStaleSecurityGroups", [("VpcId", SecurityGroupMapping.defaultVpcID)])
        await record(
            "RevokeSecurityGroupIngress",
            [("GroupId", group), ("IpPermissions.1.FromPort", "2222"), ("IpPermissions.1.ToPort", "2222")] + ssh)
        await record("RevokeSecurityGroupEgress", fromItself)
        await record("DeleteSecurityGroup", [("GroupId", group)])
        await record("DescribeImages")
        await record("DescribeImageAttribute", [("ImageId", image), ("Attribute", "launchPermission")])
        await record("RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1")])
        await record("DescribeInstances")
        await record("DescribeInstanceStatus")
        await record("DescribeInstanceAttribute", [("InstanceId", seeded), ("Attribute", "instanceType")])
        await record("GetPasswordData", [("InstanceId", seeded)])
        let placement = InstanceActionTests.instances(try await cloud.call("DescribeInstances", [("InstanceId.1", seeded)])).first?[
            "Placement"]
        let zone = try #require((placement as? [String: Any])?["AvailabilityZone"] as? String)
        await record("CreateVolume", [("AvailabilityZone", zone), ("Size", "2")])
        let created = VolumeActionTests.volumes(
            try await cloud.call(
                "DescribeVolumes",
                [("Filter.1.Name", "size"), ("Filter.1.Value.1", "2"), ("Filter.2.Name", "status"), ("Filter.2.Value.1", "available")]))
        let volume = try #require(created.first?["VolumeId"] as? String)
        await record("DescribeVolumes")
        await record("DescribeVolumeStatus")
        await record("DescribeVolumeAttribute", [("VolumeId", volume), ("Attribute", "autoEnableIO")])
        await record("ModifyVolume", [("VolumeId", volume), ("Size", "3")])
        await record("DescribeVolumesModifications", [("VolumeId.1", volume)])
        await record("AttachVolume", [("VolumeId", volume), ("InstanceId", seeded), ("Device", "/dev/sdf")])
        await record("DetachVolume", [("VolumeId", volume)])
        await record("DeleteVolume", [("VolumeId", volume)])
        await record("RebootInstances", [("InstanceId.1", seeded)])
        await record("StopInstances", [("InstanceId.1", seeded)])
        await record("ModifyInstanceAttribute", [("InstanceId", seeded), ("InstanceType.Value", "t3.micro")])
        await record("CreateImage", [("InstanceId", seeded), ("Name", "all-actions")])
        await record("StartInstances", [("InstanceId.1", seeded)])
        await record("RegisterImage", [("Name", "registered"), ("ImageLocation", "http://images.example.org/x.qcow2")])
        let mine = ImageActionTests.images(try await cloud.call("DescribeImages", [("Owner.1", "self")]))
        let own = try #require(mine.first?["ImageId"] as? String)
        await record("ModifyImageAttribute", [("ImageId", own), ("LaunchPermission.Add.1.Group", "all")])
        await record("ResetImageAttribute", [("ImageId", own), ("Attribute", "launchPermission")])
        await record("DeregisterImage", [("ImageId", own)])
        let root = try #require(
            ((InstanceActionTests.instances(try await cloud.call("DescribeInstances")).first?["BlockDeviceMappings"] as? [[String: Any]])?
                .first?["Ebs"] as? [String: Any])?["VolumeId"] as? String)
        await record("CreateSnapshot", [("VolumeId", root), ("Description", "all actions")])
        await record("CreateSnapshots", [("InstanceSpecification.InstanceId", seeded)])
        await record("DescribeSnapshots")
        // The one CreateSnapshot made: CreateImage's snapshot is held by its image (InvalidSnapshot.InUse).
        let snapshot = try #require(
            SnapshotActionTests.snapshots(try await cloud.call("DescribeSnapshots"))
                .first { $0["Description"] as? String == "all actions" }?["SnapshotId"] as? String)
        await record("DescribeSnapshotAttribute", [("SnapshotId", snapshot), ("Attribute", "createVolumePermission")])
        await record("ModifySnapshotAttribute", [("SnapshotId", snapshot), ("CreateVolumePermission.Remove.1.Group", "all")])
        await record("ResetSnapshotAttribute", [("SnapshotId", snapshot), ("Attribute", "createVolumePermission")])
        await record("DeleteSnapshot", [("SnapshotId", snapshot)])
        await record("CreateKeyPair", [("KeyName", "a")])
        await record("ImportKeyPair", [("KeyName", "b"), ("PublicKeyMaterial", Data(publicKey.utf8).base64EncodedString())])
        await record("DescribeKeyPairs")
        await record("DeleteKeyPair", [("KeyName", "a")])
        await record("CreateTags", [("ResourceId.1", seeded), ("Tag.1.Key", "k"), ("Tag.1.Value", "<&>")])
        await record("DescribeTags")
        await record("DeleteTags", [("ResourceId.1", seeded), ("Tag.1.Key", "k")])
        await record("GetConsoleOutput", [("InstanceId", seeded)])
        await record("DescribeInstanceCreditSpecifications")
        await record("DescribeIamInstanceProfileAssociations")
        await record("ResetInstanceAttribute", [("InstanceId", seeded), ("Attribute", "sourceDestCheck")])
        await record("DescribeInstanceTypeOfferings")
        await record("DescribeIdFormat")
        await record("DescribeIdentityIdFormat", [("PrincipalArn", "arn:aws:iam::123456789012:root")])
        await record("DescribeAggregateIdFormat")
        await record("DescribePrincipalIdFormat")
        await record("GetEbsEncryptionByDefault")
        await record("GetSerialConsoleAccessStatus")
        await record("TerminateInstances", [("InstanceId.1", seeded)])
        let vpc = try await VPCFixture.make(cloud)
        let route = [
            ("RouteTableId", vpc.routeTableID), ("DestinationCidrBlock", "172.30.0.0/16"), ("LocalGatewayId", vpc.localGatewayID ?? ""),
        ]
        await record("DescribeRouteTables")
        await record("CreateRoute", route)
        await record("ReplaceRoute", route)
        await record("DeleteRoute", Array(route.prefix(2)))
        await record("DescribeInternetGateways")
        await record("DescribeNatGateways")
        await record("DescribeDhcpOptions")
        await record("AssociateDhcpOptions", [("DhcpOptionsId", DescribeDhcpOptions.fixedID), ("VpcId", vpc.vpcID)])
        await record(
            "CreateNetworkAcl",
            [
                ("VpcId", vpc.vpcID), ("TagSpecification.1.ResourceType", "network-acl"), ("TagSpecification.1.Tag.1.Key", "Name"),
                ("TagSpecification.1.Tag.1.Value", "all-actions"),
            ])
        let acls = try await cloud.call("DescribeNetworkAcls", [("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "all-actions")])
        let acl = try #require((acls["NetworkAcls"] as? [[String: Any]])?.first?["NetworkAclId"] as? String)
        let entry = [
            ("NetworkAclId", acl), ("RuleNumber", "100"), ("Protocol", "6"), ("RuleAction", "allow"), ("Egress", "false"),
            ("CidrBlock", "0.0.0.0/0"), ("PortRange.From", "22"), ("PortRange.To", "22"),
        ]
        await record("CreateNetworkAclEntry", entry)
        await record("ReplaceNetworkAclEntry", entry)
        await record("DescribeNetworkAcls")
        await record("ReplaceNetworkAclAssociation", [("AssociationId", vpc.associationID), ("NetworkAclId", acl)])
        await record("DeleteNetworkAclEntry", [("NetworkAclId", acl), ("RuleNumber", "100"), ("Egress", "false")])
        let builtIn = try await cloud.call("DescribeNetworkAcls", [("Filter.1.Name", "default"), ("Filter.1.Value.1", "true")])
        let defaultACL = try #require((builtIn["NetworkAcls"] as? [[String: Any]])?.first?["NetworkAclId"] as? String)
        _ = try await cloud.call("ReplaceNetworkAclAssociation", [("AssociationId", vpc.associationID), ("NetworkAclId", defaultACL)])
        await record("DeleteNetworkAcl", [("NetworkAclId", acl)])
        await record("CreateCustomerGateway", [("Type", "ipsec.1"), ("IpAddress", "198.51.100.9")])
        await record("DescribeCustomerGateways")
        let customer = try #require(
            (try await cloud.call("DescribeCustomerGateways"))["CustomerGateways"] as? [[String: Any]])
        await record("DeleteCustomerGateway", [("CustomerGatewayId", customer.first?["CustomerGatewayId"] as? String ?? "")])
        let vpnGateway = [("VpnGatewayId", "vgw-" + VPCFixture.hex(vpc.vpcUUID)), ("VpcId", vpc.vpcID)]
        await record("DescribeVpnGateways")
        await record("AttachVpnGateway", vpnGateway)
        let peer = try await cloud.call("CreateCustomerGateway", [("Type", "ipsec.1"), ("IpAddress", "198.51.100.10")])
        let peerID = (peer["CustomerGateway"] as? [String: Any])?["CustomerGatewayId"] as? String ?? ""
        await record("CreateVpnConnection", [("Type", "ipsec.1"), ("CustomerGatewayId", peerID), ("VpnGatewayId", vpnGateway[0].1)])
        cloud.clock.advance(seconds: 5)
        await record("DescribeVpnConnections")
        let connection = (try await cloud.call("DescribeVpnConnections"))["VpnConnections"] as? [[String: Any]] ?? []
        let connectionID = connection.first?["VpnConnectionId"] as? String ?? ""
        let outside = (connection.first?["VgwTelemetry"] as? [[String: Any]])?.first?["OutsideIpAddress"] as? String ?? ""
        await record("ReplaceVpnTunnel", [("VpnConnectionId", connectionID), ("VpnTunnelOutsideIpAddress", outside)])
        await record("DeleteVpnConnection", [("VpnConnectionId", connectionID)])
        cloud.clock.advance(seconds: 5)
        _ = try await cloud.call("DeleteCustomerGateway", [("CustomerGatewayId", peerID)])
        await record("DetachVpnGateway", vpnGateway)
        await record("DeleteVpnGateway", Array(vpnGateway.prefix(1)))
        await record("DescribeVpcs")
        await record("DescribeSubnets")
        await record("DescribeVpcAttribute", [("VpcId", vpc.vpcID), ("Attribute", "enableDnsSupport")])
        await record("ModifyVpcAttribute", [("VpcId", vpc.vpcID), ("EnableDnsHostnames.Value", "true")])
        await record("ModifySubnetAttribute", [("SubnetId", vpc.subnetID), ("MapPublicIpOnLaunch.Value", "false")])
        await record("CreateVpc", [("CidrBlock", "10.90.0.0/16")])
        let madeVPC = try #require(
            (try await cloud.call("DescribeVpcs", [("Filter.1.Name", "cidr"), ("Filter.1.Value.1", "10.90.0.0/16")]))["Vpcs"]
                as? [[String: Any]])
        let madeVPCID = try #require(madeVPC.first?["VpcId"] as? String)
        await record("CreateSubnet", [("VpcId", madeVPCID), ("CidrBlock", "10.90.1.0/24")])
        let madeSubnets = try #require(
            (try await cloud.call("DescribeSubnets", [("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", madeVPCID)]))["Subnets"]
                as? [[String: Any]])
        await record("DeleteSubnet", [("SubnetId", madeSubnets.first?["SubnetId"] as? String ?? "")])
        await record("DeleteVpc", [("VpcId", madeVPCID)])
        responses.append(
            (
                "RegisterSecretKey",
                await cloud.unsigned(
                    CredentialSourceCloudStackTests.form([
                        "Action": "RegisterSecretKey", "AWSAccessKeyId": cloud.other.apiKey, "AWSSecretKey": cloud.other.secretKey,
                    ]))
            ))
        responses.append(
            (
                "RemoveSecretKey",
                await cloud.unsigned(
                    CredentialSourceCloudStackTests.form([
                        "Action": "RemoveSecretKey", "AWSAccessKeyId": cloud.other.apiKey, "AWSSecretKey": cloud.other.secretKey,
                    ]))
            ))
        #expect(Set(responses.map(\.0)) == Set(ActionTable.names), "every action is called once")

        // ec2stack's two actions are not in botocore's model: check their envelope by hand.
        let modelled = responses.filter { !ActionTableTests.ec2stackActions.contains($0.0) }
        for (action, response) in responses where ActionTableTests.ec2stackActions.contains(action) {
            let body = String(decoding: response.body, as: UTF8.self)
            #expect(
                response.status == 200 && body.contains("<\(action)Response xmlns=\"\(ResponseEnvelope.namespace)\"><requestId>"), "\(body)"
            )
        }
        for ((action, response), checked) in zip(modelled, try BotocoreResponseChecker.check(modelled)) {
            #expect(response.status == 200, "\(action): \(String(decoding: response.body, as: UTF8.self))")
            #expect(checked.root == action + "Response", "\(action)")
            #expect(checked.unknown.isEmpty, "\(action): unknown \(checked.unknown)")
            #expect(checked.missing.isEmpty, "\(action): missing \(checked.missing)")
            #expect(response.headers["content-type"] == "text/xml;charset=UTF-8")
        }
    }

    @Test func concurrentRetriesWithOneClientTokenLaunchOnce() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let image = try await InstanceActionTests.imageID(cloud)
        let parameters = [("ImageId", image), ("MinCount", "3"), ("MaxCount", "3"), ("ClientToken", "concurrent")]
        async let first = cloud.send("RunInstances", parameters)
        async let second = cloud.send("RunInstances", parameters)
        async let third = cloud.send("RunInstances", parameters)
        let answers = await [first, second, third]
        let checked = try BotocoreResponseChecker.check(answers.map { ("RunInstances", $0) })
        let reservations = Set(checked.compactMap { $0.parsed["ReservationId"] as? String })
        #expect(answers.allSatisfy { $0.status == 200 }, "\(answers.map { String(decoding: $0.body, as: UTF8.self) })")
        #expect(reservations.count == 1)
        let vms = try await cloud.client.listAll(
            CommandTable.listVirtualMachines, Parameters(), as: InstanceActionTests.userCredentials(cloud))
        #expect(vms.count == 3)
    }

    @Test func clientTokensSurviveAcrossGatewayInstances() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let image = try await InstanceActionTests.imageID(cloud)
        let parameters = [("ImageId", image), ("MinCount", "2"), ("MaxCount", "2"), ("ClientToken", "shared-token")]
        let first = try await cloud.call("RunInstances", parameters)
        // A second gateway over the same CloudStack: nothing in its memory, the token is found by its tag.
        let second = try EC2Pipeline(
            configuration: cloud.pipeline.configuration, client: cloud.client,
            credentials: StaticCredentialSource([CloudStackCredentials(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey)]),
            clock: cloud.clock.clock)
        let request = EC2TestCloud.signedPost(
            [("Action", "RunInstances"), ("Version", "2016-11-15")] + parameters, accessKey: cloud.user.apiKey,
            secret: cloud.user.secretKey,
            at: cloud.clock.epochSeconds)
        var context = RequestContext(requestID: "r", startNanos: 0)
        let again = try BotocoreResponseChecker.check([
            ("RunInstances", await PhasedResponder(second).respond(to: request, context: &context))
        ])[0]
        let ids = { (parsed: [String: Any]) in
            Set((parsed["Instances"] as? [[String: Any]] ?? []).compactMap { $0["InstanceId"] as? String })
        }
        #expect(ids(first).count == 2)
        #expect(ids(again.parsed) == ids(first))
        #expect(again.parsed["ReservationId"] as? String == first["ReservationId"] as? String)
        let vms = try await cloud.client.listAll(
            CommandTable.listVirtualMachines, Parameters(), as: InstanceActionTests.userCredentials(cloud))
        #expect(vms.count == 2)
    }
}
