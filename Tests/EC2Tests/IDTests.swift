import EC2
import Testing

@Suite struct IDTests {
    static let uuid = "43791f77-26f8-48ca-b557-3a9392f735ae"

    @Test(arguments: ResourceKind.allCases)
    func roundTripsThroughTheUUID(kind: ResourceKind) throws {
        let id = try #require(EC2ID(kind: kind, cloudStackUUID: Self.uuid))
        #expect(id.description == kind.prefix + "43791f7726f848cab5573a9392f735ae")
        let parsed = try EC2ID.parse(id.description, as: kind)
        #expect(parsed == id)
        #expect(parsed.cloudStackUUID == Self.uuid)
    }

    @Test func upperCaseIsNormalised() throws {
        let id = try #require(EC2ID(kind: .volume, cloudStackUUID: Self.uuid.uppercased()))
        #expect(id.cloudStackUUID == Self.uuid)
        #expect(try EC2ID.parse("vol-43791F7726F848CAB5573A9392F735AE", as: .volume) == id)
    }

    @Test(arguments: [
        "43791f77-26f8-48ca-b557-3a9392f735a", "43791f77x26f8-48ca-b557-3a9392f735ae", "g3791f77-26f8-48ca-b557-3a9392f735ae", "",
    ])
    func notAUUID(text: String) {
        #expect(EC2ID(kind: .instance, cloudStackUUID: text) == nil)
    }

    @Test(arguments: [
        (ResourceKind.instance, "InvalidInstanceID.Malformed"), (.image, "InvalidAMIID.Malformed"), (.volume, "InvalidVolumeID.Malformed"),
        (.snapshot, "InvalidSnapshotID.Malformed"), (.securityGroup, "InvalidGroupId.Malformed"), (.vpc, "InvalidVpcID.Malformed"),
        (.subnet, "InvalidSubnetID.Malformed"), (.allocation, "InvalidAllocationID.Malformed"),
        (.reservation, "InvalidReservationID.Malformed"),
    ])
    func malformedCodes(kind: ResourceKind, code: String) {
        for text in [
            "", "x-43791f7726f848cab5573a9392f735ae", kind.prefix + "43791f7726f848cab5573a9392f735a", kind.prefix + "zz",
            kind.prefix + "*",
        ] {
            #expect(throws: EC2Error(code: code, message: "Invalid id: \"\(text)\" (expecting \"\(kind.prefix)...\")")) {
                try EC2ID.parse(text, as: kind)
            }
        }
    }

    @Test(arguments: [
        (ResourceKind.instance, "InvalidInstanceID.NotFound"), (.image, "InvalidAMIID.NotFound"), (.volume, "InvalidVolume.NotFound"),
        (.snapshot, "InvalidSnapshot.NotFound"), (.securityGroup, "InvalidGroup.NotFound"), (.vpc, "InvalidVpcID.NotFound"),
        (.subnet, "InvalidSubnetID.NotFound"), (.allocation, "InvalidAllocationID.NotFound"),
        (.association, "InvalidAssociationID.NotFound"),
    ])
    func awsShapedIDsAreNotFound(kind: ResourceKind, code: String) {
        for text in [kind.prefix + "1234abcd", kind.prefix + "0123456789abcdef0"] {
            #expect(throws: EC2Error.notFound(kind, ids: [text])) { try EC2ID.parse(text, as: kind) }
            #expect(EC2Error.notFound(kind, ids: [text]).code == code)
        }
    }

    @Test func notFoundMessages() {
        #expect(EC2Error.notFound(.instance, ids: ["i-1"]).message == "The instance ID 'i-1' does not exist")
        #expect(EC2Error.notFound(.instance, ids: ["i-1", "i-2"]).message == "The instance IDs 'i-1, i-2' do not exist")
        #expect(EC2Error.keyPairNotFound("k").code == "InvalidKeyPair.NotFound")
    }
}
