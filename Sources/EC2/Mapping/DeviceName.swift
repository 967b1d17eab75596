/// EC2 device names for CloudStack's device ids, and back: one fixed, stateless mapping, so a
/// name given to AttachVolume is the name DescribeVolumes and DescribeInstances report later.
///
/// CloudStack numbers a VM's disks: 0 is the ROOT volume, 3 the CD-ROM, data disks 1, 2, 4, 5, …
/// (`VolumeApiServiceImpl.getDeviceId`). EC2 names the root `/dev/sda1` (`RootDevice`) and
/// recommends `/dev/sd[f-p]` (or `xvd[f-p]`) for EBS data volumes on Linux. Data device ids are
/// taken in order from `f`: 1 is `/dev/sdf`, 2 `/dev/sdg`, 4 `/dev/sdh`, … 12 `/dev/sdp`.
enum DeviceName {
    /// The eleven data device letters EC2 accepts for EBS volumes (`f` through `p`).
    static let letters = Array("fghijklmnop")

    /// The canonical EC2 name of a CloudStack device id.
    static func name(deviceID: Int64) -> String {
        if deviceID == 0 { return RootDevice.name }
        // The CD-ROM slot never holds a volume; a name outside f-p keeps the mapping one-to-one.
        if deviceID == 3 { return "/dev/sdd" }
        // Ids come from CloudStack; out-of-range ones keep a distinct name without any arithmetic.
        guard deviceID > 0, deviceID < 10_000 else { return "/dev/sd" + String(deviceID) }
        return "/dev/sd" + suffix(index: deviceID <= 2 ? deviceID - 1 : deviceID - 2)
    }

    /// Every spelling EC2 clients use for the same device (`/dev/sdf`, `/dev/xvdf`, `xvdf`), so a
    /// filter on `attachment.device` matches whichever the client attached with.
    static func spellings(deviceID: Int64) -> [String] {
        if deviceID == 0 { return [RootDevice.name, "/dev/sda", "/dev/xvda"] }
        let canonical = name(deviceID: deviceID)
        let suffix = canonical.dropFirst("/dev/sd".count)
        return [canonical, "/dev/xvd" + suffix, "xvd" + suffix, "sd" + suffix]
    }

    /// The CloudStack device id for a name AttachVolume accepts: the root names for 0, else
    /// `/dev/sd[f-p]`, `/dev/xvd[f-p]`, `xvd[f-p]` or `sd[f-p]`; anything else is EC2's error.
    static func deviceID(_ text: String) throws(EC2Error) -> Int64 {
        if text == RootDevice.name || text == "/dev/sda" || text == "/dev/xvda" { return 0 }
        var rest = Substring(text)
        if rest.hasPrefix("/dev/") { rest = rest.dropFirst(5) }
        if rest.hasPrefix("xvd") { rest = rest.dropFirst(3) } else if rest.hasPrefix("sd") { rest = rest.dropFirst(2) } else { rest = "" }
        guard rest.count == 1, let letter = rest.first, let index = letters.firstIndex(of: letter) else {
            let shown = XMLSafeName.clip(text)
            throw EC2Error.invalidParameterValue(
                "Value (\(shown)) for parameter device is invalid. \(shown) is not a valid EBS device name.")
        }
        let position = Int64(index)
        return position < 2 ? position + 1 : position + 2
    }

    /// `f`, `g`, … `z`, then `aa`, `ab`, … for the index-th data device.
    private static func suffix(index: Int64) -> String {
        var position = index + 5  // "f" is the sixth letter
        var out: [Character] = []
        while true {
            out.insert(Character(Unicode.Scalar(UInt8(97 + position % 26))), at: 0)
            position = position / 26 - 1
            if position < 0 { break }
        }
        return String(out)
    }
}
