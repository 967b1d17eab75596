import CloudStack

/// What CreateVolume, ModifyVolume and RunInstances' block device mappings ask of a disk offering
/// beyond its size: `Iops` and `Throughput`, honoured only where the offering provides them.
enum VolumeOffering {
    /// The `miniops`/`maxiops` parameters for `iops` on `offering`, or EC2's refusal naming `member`.
    ///
    /// An offering with customised IOPS takes any value (sent as both minimum and maximum); a fixed
    /// one fits only the IOPS it already has (`maxiops`, or its read and write rates).
    static func iops(_ iops: Int?, on offering: DiskOffering, type: String, member: String) throws(EC2Error) -> Parameters {
        guard let iops else { return Parameters() }
        guard iops > 0 else { throw EC2Error.invalidParameterValue("Value (\(iops)) for parameter \(member) is invalid.") }
        // gp3's baseline is EC2's default, which tools send explicitly (Ansible's ec2_vol always does):
        // an offering that sets no IOPS at all asks nothing of it.
        if type == "gp3", iops == gp3BaselineIops, offering.iscustomizediops != true, offering.maxiops == nil,
            offering.diskIopsReadRate == nil, offering.diskIopsWriteRate == nil
        {
            return Parameters()
        }
        if offering.iscustomizediops == true { return ["miniops": String(iops), "maxiops": String(iops)] }
        let value = Int64(iops)
        if offering.maxiops == value || (offering.diskIopsReadRate == value && offering.diskIopsWriteRate == value) {
            return Parameters()
        }
        throw EC2Error.unsupportedOperation(
            "\(member) \(iops) cannot be provided: the disk offering for volume type '\(type)' has no such IOPS setting.")
    }

    /// Refuses `throughput` (MiB/s) unless `offering` limits reads and writes to exactly that rate.
    static func throughput(_ throughput: Int?, on offering: DiskOffering, type: String, member: String) throws(EC2Error) {
        guard let throughput else { return }
        let (bytes, overflow) = Int64(throughput).multipliedReportingOverflow(by: 1_048_576)
        guard throughput > 0, !overflow else {
            throw EC2Error.invalidParameterValue("Value (\(throughput)) for parameter \(member) is invalid.")
        }
        if type == "gp3", throughput == gp3BaselineThroughput, offering.diskBytesReadRate == nil, offering.diskBytesWriteRate == nil {
            return
        }
        guard offering.diskBytesReadRate == bytes, offering.diskBytesWriteRate == bytes else {
            throw EC2Error.unsupportedOperation(
                "\(member) \(throughput) cannot be provided: the disk offering for volume type '\(type)' has no such throughput limit.")
        }
    }

    /// The offering's fixed size in GiB, or nil when it is custom-size.
    static func fixedSize(_ offering: DiskOffering) -> Int? {
        guard offering.iscustomized != true, let size = offering.disksize, size > 0, size <= 1 << 40 else { return nil }
        return Int(size)
    }

    /// gp3's baseline IOPS and throughput (MiB/s) on EC2, its defaults.
    static let gp3BaselineIops = 3000
    static let gp3BaselineThroughput = 125

    /// EC2's size range for EBS volumes (CloudStack may allow less; it answers for itself).
    static let sizeRange = 1...16_384
}
