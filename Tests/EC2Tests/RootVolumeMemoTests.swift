import CloudStack
import JSON
import Pipeline
import TestSupport
import Testing

@testable import EC2

/// The compact root-volume memo gives back exactly the device DescribeInstances showed.
@Suite struct RootVolumeMemoTests {
    static let vm = "3f2a9c1e-7b4d-4e5f-8a6b-9c0d1e2f3a4b"
    static let volume = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    static func volume(created: String?, id: String = volume, vm: String = vm) throws -> Volume {
        var fields = ["\"id\":\"\(id)\"", "\"virtualmachineid\":\"\(vm)\"", "\"type\":\"ROOT\""]
        if let created { fields.append("\"created\":\"\(created)\"") }
        let json = Array(("{" + fields.joined(separator: ",") + "}").utf8)
        return try JSONReader.read(json) { (reader: inout JSONReader) throws(JSONError) -> Volume in try Volume.decode(from: &reader) }
    }

    static func describe(_ device: InstanceBlockDeviceMappingView?) -> String {
        guard let device, let ebs = device.ebs else { return "none" }
        return [device.deviceName, ebs.volumeId, ebs.status, ebs.attachTime, String(ebs.deleteOnTermination)].joined(separator: " ")
    }

    @Test(arguments: ["2026-03-04T05:06:07+0000", "2026-03-04T07:06:07+0200", "1999-12-31T23:59:59-0130"])
    func aRememberedDeviceIsTheOneListed(created: String) throws {
        let clock = ManualClock()
        let memo = RootVolumeMemo(capacity: 10, clock: clock.clock)
        let volume = try Self.volume(created: created)
        let listed = try #require(InstanceMapping.rootDevice(volume))
        memo.store(listed, volume: Self.volume, of: Self.vm, ttl: 600)
        #expect(Self.describe(memo.device(of: Self.vm)) == Self.describe(listed))
        #expect(Self.describe(memo.device(of: Self.vm.uppercased())) == Self.describe(listed))
        #expect(memo.device(of: "4f2a9c1e-7b4d-4e5f-8a6b-9c0d1e2f3a4b") == nil)
        clock.advance(seconds: 600)
        #expect(memo.device(of: Self.vm) == nil)
    }

    @Test func theVolumeIdIsWrittenAsEC2IDWritesIt() throws {
        for uuid in [Self.volume, "ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-0000-000000000000", Self.vm.uppercased()] {
            let number = try #require(RootVolumeMemo.number(uuid))
            #expect(RootVolumeMemo.volumeID(number) == EC2ID(kind: .volume, cloudStackUUID: uuid)?.description)
        }
    }

    @Test(arguments: [
        "", "3f2a9c1e7b4d4e5f8a6b9c0d1e2f3a4b", "3f2a9c1e-7b4d-4e5f-8a6b-9c0d1e2f3a4g", "3f2a9c1e-7b4d-4e5f-8a6b_9c0d1e2f3a4b", "i-1234",
    ])
    func textThatIsNotADashedUUIDHasNoNumber(text: String) {
        #expect(RootVolumeMemo.number(text) == nil)
    }

    @Test func timesRoundTripAndOtherTextIsRefused() {
        for time in ["2026-03-04T05:06:07.000Z", "1970-01-01T00:00:00.000Z", "9999-12-31T23:59:59.000Z"] {
            #expect(RootVolumeMemo.digits(time).map(RootVolumeMemo.time) == time)
        }
        for text in ["2026-03-04T05:06:07.123Z", "2026-03-04 05:06:07.000Z", "2026-03-04T05:06:07+0000", "20260304T050607Z", ""] {
            #expect(RootVolumeMemo.digits(text) == nil)
        }
    }

    @Test func aVolumeWhoseIdsAreNotUUIDsIsNotRemembered() throws {
        let memo = RootVolumeMemo(capacity: 10, clock: ManualClock().clock)
        let device = InstanceMapping.rootDevice(volumeID: "vol-x", attachTime: "2026-03-04T05:06:07.000Z")
        memo.store(device, volume: "not-a-uuid", of: Self.vm, ttl: 600)
        memo.store(device, volume: Self.volume, of: "vm-7", ttl: 600)
        let odd = InstanceMapping.rootDevice(volumeID: "vol-x", attachTime: "yesterday")
        memo.store(odd, volume: Self.volume, of: Self.vm, ttl: 600)
        #expect(memo.count == 0)
        #expect(memo.device(of: Self.vm) == nil)
    }
}
