/// The AWS Query services answered on the EC2 endpoint: EC2 itself, and STS's `GetCallerIdentity`, which
/// tools ask first for the account that owns what they manage (Ansible's `ec2_security_group` does).
///
/// awscli and boto3 given `--endpoint-url`/`endpoint_url` send STS to the same URL, told apart by
/// `Version` (STS's only API version, which EC2 never had) and signed for service `sts`.
enum QueryService: Sendable {
    case ec2
    case sts

    /// STS's API version (botocore `sts/2011-06-15`).
    static let stsVersion = "2011-06-15"

    /// The service a request's `Version` names.
    init(version: String?) { self = version == Self.stsVersion ? .sts : .ec2 }
}
