import CloudStack
import Pipeline

/// Root volumes by VM id, as DescribeInstances shows them, kept in 64 bytes an entry and no heap object
/// of their own: the VM and volume UUIDs as 128-bit numbers and the attach time as its 14 digits.
///
/// A cold DescribeInstances of a large account lists every root volume once and remembers them all
/// (CloudStack 4.18's listVolumes takes no list of VM ids), so this memo is what a 10,000-VM walk leaves
/// behind: kept as strings it was 430 bytes a VM in small blocks scattered over the heap, pinning pages
/// glibc could not give back (`docs/performance.md`, issue 16).
///
/// A volume whose ids are not dashed UUIDs, or whose attach time is not of EC2's form, is not
/// remembered (its VM reads listVolumes again) rather than shown differently.
struct RootVolumeMemo: Sendable {
    struct Entry: Sendable {
        let volume: UInt128
        /// `YYYYMMDDhhmmss` of the attach time.
        let attached: UInt64
    }

    private let entries: TTLCache<UInt128, Entry>

    /// Holds at most `capacity` volumes.
    init(capacity: Int, clock: Clock) {
        entries = TTLCache(capacity: capacity, clock: clock)
    }

    /// The remembered root device of the VM with CloudStack id `vm`.
    func device(of vm: String) -> InstanceBlockDeviceMappingView? {
        guard let key = Self.number(vm), let entry = entries.value(for: key) else { return nil }
        return InstanceMapping.rootDevice(volumeID: Self.volumeID(entry.volume), attachTime: Self.time(entry.attached))
    }

    /// Remembers `device`, the root device of the VM with CloudStack id `vm` and volume `volume`, for `ttl` seconds.
    func store(_ device: InstanceBlockDeviceMappingView, volume: String, of vm: String, ttl: Int64) {
        guard let key = Self.number(vm), let id = Self.number(volume), let ebs = device.ebs,
            let attached = Self.digits(ebs.attachTime)
        else { return }
        entries.store(Entry(volume: id, attached: attached), for: key, ttl: ttl)
    }

    /// The number of VMs remembered, live or not yet swept.
    var count: Int { entries.count }

    /// A dashed UUID (either case) as a number; nil for anything else.
    static func number(_ uuid: String) -> UInt128? {
        var uuid = uuid
        return uuid.withUTF8 { bytes -> UInt128? in
            guard bytes.count == 36 else { return nil }
            var value: UInt128 = 0
            for (position, byte) in bytes.enumerated() {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard byte == UInt8(ascii: "-") else { return nil }
                    continue
                }
                guard let digit = HexDigit.value(byte) else { return nil }
                value = value << 4 | UInt128(digit)
            }
            return value
        }
    }

    /// `vol-` and the 32 lower-case hex digits of `number`, as `EC2ID` writes a volume id.
    static func volumeID(_ number: UInt128) -> String {
        let prefix = ResourceKind.volume.prefix.utf8
        return String(unsafeUninitializedCapacity: prefix.count + 32) { out in
            var index = 0
            for byte in prefix {
                out[index] = byte
                index += 1
            }
            for shift in stride(from: 124, through: 0, by: -4) {
                let nibble = UInt8(truncatingIfNeeded: number >> UInt128(shift)) & 0xF
                out[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                index += 1
            }
            return index
        }
    }

    /// The 14 digits of an EC2 time `YYYY-MM-DDThh:mm:ss.000Z`; nil for any other text.
    static func digits(_ time: String) -> UInt64? {
        var time = time
        return time.withUTF8 { bytes -> UInt64? in
            guard bytes.count == 24 else { return nil }
            var value: UInt64 = 0
            for (position, byte) in bytes.enumerated() {
                guard let expected = timeShape[position] else {
                    guard byte &- UInt8(ascii: "0") < 10 else { return nil }
                    value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
                    continue
                }
                guard byte == expected else { return nil }
            }
            return value
        }
    }

    /// The EC2 time whose digits are `digits`.
    static func time(_ digits: UInt64) -> String {
        String(unsafeUninitializedCapacity: 24) { out in
            var rest = digits
            for position in stride(from: 23, through: 0, by: -1) {
                if let fixed = timeShape[position] {
                    out[position] = fixed
                } else {
                    out[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            return 24
        }
    }

    /// The fixed bytes of `YYYY-MM-DDThh:mm:ss.000Z` by position; nil where a digit of the time goes.
    private static let timeShape: [UInt8?] = Array("0000-00-00T00:00:00.000Z".utf8).enumerated().map { position, byte in
        position < 19 && byte == UInt8(ascii: "0") ? nil : byte
    }
}
