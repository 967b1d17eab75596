/// The one shape of refusal for a volume member CloudStack cannot honour: `UnsupportedOperation`
/// naming the member and why, never a silent drop (docs/ec2.md lists them).
enum VolumeRefusal {
    /// `UnsupportedOperation`: "`member` is not supported: `reason`."
    static func member(_ member: String, _ reason: String) -> EC2Error {
        EC2Error.unsupportedOperation("The parameter \(member) is not supported: \(reason).")
    }
}
