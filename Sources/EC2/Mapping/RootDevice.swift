/// The root device name instances and images report (CloudStack's root volume has no device name).
enum RootDevice {
    /// `/dev/sda1`, as EC2 reports for HVM images.
    static let name = "/dev/sda1"
}
