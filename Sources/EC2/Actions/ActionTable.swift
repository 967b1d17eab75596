/// Every EC2 action the gateway implements, alphabetised, one line each.
public enum ActionTable {
    /// The action types in alphabetical order of their names.
    static let all: [any EC2Action.Type] = [
        AllocateAddress.self,
        AssociateAddress.self,
        AttachVolume.self,
        CreateImage.self,
        CreateKeyPair.self,
        CreatePlacementGroup.self,
        CreateSnapshot.self,
        CreateSnapshots.self,
        CreateTags.self,
        CreateVolume.self,
        DeleteKeyPair.self,
        DeletePlacementGroup.self,
        DeleteSnapshot.self,
        DeleteTags.self,
        DeleteVolume.self,
        DeregisterImage.self,
        DescribeAccountAttributes.self,
        DescribeAddresses.self,
        DescribeAddressesAttribute.self,
        DescribeAggregateIdFormat.self,
        DescribeAvailabilityZones.self,
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
        DescribeKeyPairs.self,
        DescribePlacementGroups.self,
        DescribePrincipalIdFormat.self,
        DescribeRegions.self,
        DescribeSecurityGroups.self,
        DescribeSnapshotAttribute.self,
        DescribeSnapshots.self,
        DescribeTags.self,
        DescribeVolumeAttribute.self,
        DescribeVolumeStatus.self,
        DescribeVolumes.self,
        DescribeVolumesModifications.self,
        DetachVolume.self,
        DisassociateAddress.self,
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
        ReleaseAddress.self,
        RemoveSecretKey.self,
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
