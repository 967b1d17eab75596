import EC2
import Testing

@Suite struct QueryDecoderTests {
    struct Tag: Decodable, Equatable {
        let key: String
        let value: String?
        enum CodingKeys: String, CodingKey {
            case key = "Key"
            case value = "Value"
        }
    }

    struct Spec: Decodable, Equatable {
        let resourceType: String
        let tags: [Tag]
        enum CodingKeys: String, CodingKey {
            case resourceType = "ResourceType"
            case tags = "Tag"
        }
    }

    struct RunInput: Decodable {
        let imageID: String
        let minCount: Int32
        let maxCount: Int32
        let instanceIDs: [String]?
        let groups: [String]?
        let ebsOptimized: Bool?
        let userData: Base64Blob?
        let filters: [Filter]?
        let specs: [Spec]?
        let labels: [String: String]?
        enum CodingKeys: String, CodingKey {
            case imageID = "ImageId"
            case minCount = "MinCount"
            case maxCount = "MaxCount"
            case instanceIDs = "InstanceId"
            case groups = "SecurityGroupId"
            case ebsOptimized = "EbsOptimized"
            case userData = "UserData"
            case filters = "Filter"
            case specs = "TagSpecification"
            case labels = "Label"
        }
    }

    static func decode(_ query: String) throws -> RunInput {
        try QueryDecoder().decode(RunInput.self, from: try QueryParameters(rawQuery: Array(query.utf8)))
    }

    static func error(_ query: String) -> EC2Error? {
        do {
            _ = try decode(query)
            return nil
        } catch {
            return error as? EC2Error
        }
    }

    @Test func scalarsListsAndNestedListsInAnyOrderWithGaps() throws {
        let input = try Self.decode(
            "Action=RunInstances&ImageId=ami-1&MinCount=1&MaxCount=2&InstanceId.3=i-c&InstanceId.1=i-a&InstanceId.10=i-d"
                + "&EbsOptimized=TRUE&TagSpecification.2.ResourceType=volume&TagSpecification.1.ResourceType=instance"
                + "&TagSpecification.1.Tag.2.Key=b&TagSpecification.1.Tag.1.Key=a&TagSpecification.1.Tag.1.Value=x+y"
                + "&TagSpecification.2.Tag.1.Key=c&Label.env=prod")
        #expect(input.imageID == "ami-1")
        #expect(input.minCount == 1 && input.maxCount == 2)
        #expect(input.instanceIDs == ["i-a", "i-c", "i-d"])
        #expect(input.groups == nil)
        #expect(input.ebsOptimized == true)
        #expect(
            input.specs == [
                Spec(resourceType: "instance", tags: [Tag(key: "a", value: "x y"), Tag(key: "b", value: nil)]),
                Spec(resourceType: "volume", tags: [Tag(key: "c", value: nil)]),
            ])
        #expect(input.labels == ["env": "prod"])
    }

    /// Until issue #12 this test sent `Unknown.Param=ignored` and expected it dropped ("as EC2 ignores
    /// them"). EC2 answers `UnknownParameter` instead, and the bridge must never drop a member it cannot
    /// honour: every parameter the input does not read, at any depth, is refused by its full wire name.
    @Test(arguments: [
        ("Unknown.Param=ignored", "Unknown.Param"),
        ("Filter.1.Name=n&Filter.1.Value.1=v&Filter.1.Bogus=x", "Filter.1.Bogus"),
        (
            "TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=k&TagSpecification.1.Tag.1.Colour=red",
            "TagSpecification.1.Tag.1.Colour"
        ),
        ("InstanceId.1=i-a&InstanceId.x=i-b", "InstanceId.x"),
        ("InstanceId=i-a", "InstanceId"),
        ("Filter.1=x&Filter.1.Name=n", "Filter.1"),
        ("ImageId.1=b", "ImageId.1"),
        ("dryrun=true", "dryrun"),
    ])
    func membersTheInputDoesNotReadAreUnknownParameter(extra: String, name: String) {
        #expect(Self.error("ImageId=a&MinCount=1&MaxCount=1&" + extra) == .unknownParameter(name))
        #expect(Self.error("ImageId=a&MinCount=1&MaxCount=1&" + extra)?.message == "The parameter \(name) is not recognized")
    }

    @Test func theFirstStrayMemberOnTheWireIsNamed() {
        #expect(Self.error("Zeta=1&ImageId=a&Alpha=2&MinCount=1&MaxCount=1") == .unknownParameter("Zeta"))
    }

    @Test func protocolParametersAreNotTheInputsToRead() throws {
        let input = try Self.decode(
            "Action=RunInstances&Version=2016-11-15&DryRun=false&ImageId=a&MinCount=1&MaxCount=1&AWSAccessKeyId=k"
                + "&SignatureVersion=2&SignatureMethod=HmacSHA256&Signature=s&Timestamp=t&Expires=e&X-Amz-Algorithm=a"
                + "&X-Amz-Credential=c&X-Amz-Date=d&X-Amz-Expires=1&X-Amz-SignedHeaders=host&X-Amz-Signature=s&X-Amz-Content-Sha256=h")
        #expect(input.imageID == "a")
        // Only the exact names: the same words deeper down belong to the input.
        #expect(Self.error("ImageId=a&MinCount=1&MaxCount=1&Filter.1.Name=n&Filter.1.Action=x") == .unknownParameter("Filter.1.Action"))
        #expect(Self.error("ImageId=a&MinCount=1&MaxCount=1&X-Amz-Security-Token=t") == .unknownParameter("X-Amz-Security-Token"))
    }

    @Test func anEmptyRequiredValueIsMissingAnEmptyOptionalOneIsKept() throws {
        #expect(Self.error("ImageId=&MinCount=1&MaxCount=1") == .missingParameter("ImageId"))
        #expect(Self.error("ImageId=a&MinCount=&MaxCount=1") == .missingParameter("MinCount"))
        #expect(
            Self.error("ImageId=a&MinCount=1&MaxCount=1&TagSpecification.1.ResourceType=&TagSpecification.1.Tag.1.Key=k")
                == .missingParameter("TagSpecification.1.ResourceType"))
        #expect(Self.error("ImageId=a&MinCount=1&MaxCount=1&Filter.1.Name=&Filter.1.Value.1=v") == .missingParameter("Filter.1.Name"))
        let optional = try Self.decode(
            "ImageId=a&MinCount=1&MaxCount=1&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=k"
                + "&TagSpecification.1.Tag.1.Value=")
        #expect(optional.specs?.first?.tags.first?.value == "")
    }

    @Test func filtersDecodeWithTheirValues() throws {
        let input = try Self.decode(
            "ImageId=a&MinCount=1&MaxCount=1&Filter.2.Name=tag:Env&Filter.2.Value.1=prod&Filter.1.Name=instance-state-name"
                + "&Filter.1.Value.2=stopped&Filter.1.Value.1=running")
        #expect(
            input.filters == [
                Filter(name: "instance-state-name", values: ["running", "stopped"]), Filter(name: "tag:Env", values: ["prod"]),
            ])
    }

    @Test func missingRequiredMembersNameTheWireParameter() {
        #expect(Self.error("MinCount=1&MaxCount=1") == .missingParameter("ImageId"))
        #expect(Self.error("ImageId=a&MaxCount=1") == .missingParameter("MinCount"))
        #expect(
            Self.error("ImageId=a&MinCount=1&MaxCount=1&TagSpecification.1.Tag.1.Key=k")
                == .missingParameter("TagSpecification.1.ResourceType"))
        #expect(
            Self.error("ImageId=a&MinCount=1&MaxCount=1&TagSpecification.1.ResourceType=instance")
                == .missingParameter("TagSpecification.1.Tag"))
        #expect(Self.error("ImageId=a&MinCount=1&MaxCount=1&Filter.1.Value.1=x") == .missingParameter("Filter.1.Name"))
    }

    @Test(arguments: [
        ("MinCount=x", "MinCount"), ("MinCount=2147483648", "MinCount"), ("MinCount=1.5", "MinCount"),
        ("EbsOptimized=yes", "EbsOptimized"), ("EbsOptimized=1", "EbsOptimized"),
    ])
    func malformedScalarsAreInvalidParameterValue(bad: String, name: String) throws {
        let query = "ImageId=a&MaxCount=1&" + (bad.hasPrefix("MinCount") ? bad : "MinCount=1&" + bad)
        let error = try #require(Self.error(query))
        #expect(error.code == "InvalidParameterValue")
        #expect(error.message.contains(name))
    }

    @Test func listWhereScalarExpectedIsRefused() {
        #expect(Self.error("ImageId.1=a&MinCount=1&MaxCount=1")?.code == "InvalidParameterValue")
    }

    @Test func userDataIsStrictBase64() throws {
        let ok = try Self.decode("ImageId=a&MinCount=1&MaxCount=1&UserData=IyEvYmluL3NoCmVjaG8gaGk%3D")
        #expect(ok.userData?.bytes == Array("#!/bin/sh\necho hi".utf8))
        for bad in ["IyEvYmluL3NoCmVjaG8gaGk", "Iy-v", "Iy_v", "I%3DEv", "Iy%3D%3D%3D", "%26%26%26%26"] {
            let error = Self.error("ImageId=a&MinCount=1&MaxCount=1&UserData=" + bad)
            #expect(error == .invalidParameterValue("Invalid BASE64 encoding of user data."), "\(bad)")
        }
        #expect(Base64Blob(base64: "aGVs\nbG8=")?.bytes == Array("hello".utf8))
    }

    @Test func commonParameters() throws {
        let common = try CommonParameters(
            try QueryParameters(rawQuery: Array("Action=DescribeVpcs&Version=2016-11-15&DryRun=true&VpcId.1=vpc-1".utf8)))
        #expect(common == CommonParameters(action: "DescribeVpcs", version: "2016-11-15", dryRun: true))
        #expect(throws: EC2Error.invalidParameterValue(name: "DryRun", value: "yes", expected: "true or false")) {
            try CommonParameters(try QueryParameters(rawQuery: Array("Action=DescribeVpcs&DryRun=yes".utf8)))
        }
        let plain = try CommonParameters(try QueryParameters(rawQuery: Array("Action=DescribeVpcs".utf8)))
        #expect(plain.dryRun == false && plain.version == nil)
        #expect(throws: EC2Error(code: "MissingAction", message: "The request must contain the parameter Action")) {
            try CommonParameters(try QueryParameters(rawQuery: Array("Version=1".utf8)))
        }
    }

    @Test func queryAndFormBodyMergeAndRepeatsAreRefused() throws {
        let merged = try QueryParameters(rawQuery: Array("Action=X".utf8), formBody: Array("ImageId=a+b%2Bc&Empty=&Flag".utf8))
        #expect(merged["Action"] == "X")
        #expect(merged["ImageId"] == "a b+c")
        #expect(merged["Empty"] == "")
        #expect(merged["Flag"] == "")
        #expect(merged.queryFields.count == 1)
        #expect(throws: EC2Error.invalidParameterValue("The parameter Action is specified more than once")) {
            try QueryParameters(rawQuery: Array("Action=X".utf8), formBody: Array("Action=Y".utf8))
        }
    }

    /// Issue #11: `a.a.a...` 30,000 parts deep overflowed the stack in `QueryNode.Builder.freeze`.
    @Test func namesDeeperThanTheLimitAreRefusedBeforeTheTreeIsBuilt() throws {
        let deep = String(repeating: "a.", count: 30_000) + "a"
        let error = try #require(Self.error("ImageId=a&MinCount=1&MaxCount=1&" + deep + "=1"))
        #expect(error.code == "InvalidParameterValue")
        #expect(error.message.contains("more than 16 dot-separated parts"))
        #expect(error.message.utf8.count < 300, "the name is clipped, not echoed whole")
        let seventeen = Array(repeating: "a", count: 17).joined(separator: ".")
        #expect(Self.error("ImageId=a&MinCount=1&MaxCount=1&" + seventeen + "=1")?.code == "InvalidParameterValue")
    }

    /// A name at the depth limit is built into the tree like any other. It used to be ignored and the rest
    /// decoded; now that no member is dropped, it is refused as an unknown parameter (by name, not for depth).
    @Test func namesAtTheLimitStillDecode() throws {
        let sixteen = Array(repeating: "a", count: 16).joined(separator: ".")
        #expect(Self.error("ImageId=a&MinCount=1&MaxCount=1&" + sixteen + "=1&Filter.1.Name=n") == .unknownParameter(sixteen))
        let input = try Self.decode("ImageId=a&MinCount=1&MaxCount=1&Filter.1.Name=n&Filter.1.Value.1=v")
        #expect(input.filters?.first?.name == "n")
    }

    @Test func strictPercentDecodingIsUnchanged() {
        for bad in ["ImageId=%zz", "ImageId=%4", "ImageId=%FF", "%C3=x"] {
            #expect(throws: EC2Error.malformedQueryString(), "\(bad)") { try QueryParameters(rawQuery: Array(bad.utf8)) }
        }
    }
}
