/// Every EC2 action the gateway implements, alphabetised, one line each.
public enum ActionTable {
    /// The action types in alphabetical order of their names.
    static let all: [any EC2Action.Type] = [
        AssociateDhcpOptions.self,
        AttachVolume.self,
        AttachVpnGateway.self,
        CreateCustomerGateway.self,
        CreateImage.self,
        CreateKeyPair.self,
        CreateNetworkAcl.self,
        CreateNetworkAclEntry.self,
        CreateRoute.self,
        CreateSnapshot.self,
        CreateSnapshots.self,
        CreateTags.self,
        CreateVolume.self,
        DeleteCustomerGateway.self,
        DeleteKeyPair.self,
        DeleteNetworkAcl.self,
        DeleteNetworkAclEntry.self,
        DeleteRoute.self,
        DeleteSnapshot.self,
        DeleteTags.self,
        DeleteVolume.self,
        DeleteVpnGateway.self,
        DeregisterImage.self,
        DescribeAccountAttributes.self,
        DescribeAddresses.self,
        DescribeAggregateIdFormat.self,
        DescribeAvailabilityZones.self,
        DescribeCustomerGateways.self,
        DescribeDhcpOptions.self,
        DescribeIamInstanceProfileAssociations.self,
        DescribeIdFormat.self,
        DescribeIdentityIdFormat.self,
        DescribeImageAttribute.self,
        DescribeImages.self,
        DescribeInstanceAttribute.self,
        DescribeInstanceCreditSpecifications.self,
        DescribeInstanceStatus.self,
        DescribeInstanceTypeOfferings.self,
        DescribeInstanceTypes.self,
        DescribeInstances.self,
        DescribeInternetGateways.self,
        DescribeKeyPairs.self,
        DescribeNatGateways.self,
        DescribeNetworkAcls.self,
        DescribePrincipalIdFormat.self,
        DescribeRegions.self,
        DescribeRouteTables.self,
        DescribeSecurityGroups.self,
        DescribeSnapshotAttribute.self,
        DescribeSnapshots.self,
        DescribeTags.self,
        DescribeVolumeAttribute.self,
        DescribeVolumeStatus.self,
        DescribeVolumes.self,
        DescribeVolumesModifications.self,
        DescribeVpnGateways.self,
        DetachVolume.self,
        DetachVpnGateway.self,
        GetConsoleOutput.self,
        GetEbsEncryptionByDefault.self,
        GetPasswordData.self,
        GetSerialConsoleAccessStatus.self,
        ImportKeyPair.self,
        ModifyImageAttribute.self,
        ModifyInstanceAttribute.self,
        ModifySnapshotAttribute.self,
        ModifyVolume.self,
        RebootInstances.self,
        RegisterImage.self,
        RegisterSecretKey.self,
        RemoveSecretKey.self,
        ReplaceNetworkAclAssociation.self,
        ReplaceNetworkAclEntry.self,
        ReplaceRoute.self,
        ResetImageAttribute.self,
        ResetInstanceAttribute.self,
        ResetSnapshotAttribute.self,
        RunInstances.self,
        StartInstances.self,
        StopInstances.self,
        TerminateInstances.self,
    ]

    /// The names, in table order.
    public static var names: [String] { all.map { $0.name } }

    /// Binds every action to its compiled template.
    static func bind(compiler: TemplateCompiler) throws(TemplateError) -> [BoundAction] {
        var bound: [BoundAction] = []
        for action in all { bound.append(try bind(action, compiler: compiler)) }
        return bound
    }

    private static func bind<A: EC2Action>(_ action: A.Type, compiler: TemplateCompiler) throws(TemplateError) -> BoundAction {
        try BoundAction.bind(action, compiler: compiler)
    }
}
