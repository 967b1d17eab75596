import CloudStack
import Pipeline

/// `compute.projects.get` [listUsers, listAccounts, listResourceLimits, listSecurityGroups]: the caller's account.
///
/// Quotas come from resource limits (`max` -1, unlimited, is written as -1) with usage from the account's totals;
/// `commonInstanceMetadata` from the tags where `setCommonInstanceMetadata` keeps it.
enum ProjectsGet: GCEMethod {
    static let id = "compute.projects.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}"

    /// Nothing besides the project, which `decode` has checked against the caller.
    static func decode(_ request: MethodRequest) throws(GCEError) {}

    static func call(_ input: Void, in context: MethodCall) async throws -> Project {
        let account = try await context.account()
        var parameters = Parameters()
        parameters["account"] = account.name
        parameters["domainid"] = account.domainid
        let limits = try await context.listAll(CommandTable.listResourceLimits, parameters)
        let group = try await context.metadataHolder(account, create: false)
        let metrics: [(type: String, metric: String, usage: Double?)] = [
            ("0", "INSTANCES", account.vmtotal.map(Double.init)), ("1", "IN_USE_ADDRESSES", account.iptotal.map(Double.init)),
            ("3", "SNAPSHOTS", account.snapshottotal.map(Double.init)), ("4", "IMAGES", account.templatetotal.map(Double.init)),
            ("6", "NETWORKS", account.networktotal.map(Double.init)), ("8", "CPUS", account.cputotal.map(Double.init)),
            ("10", "DISKS_TOTAL_GB", account.primarystoragetotal.map(Double.init)),
        ]
        let quotas = metrics.compactMap { entry -> (metric: String, limit: Double, usage: Double)? in
            guard let limit = limits.first(where: { $0.resourcetype == entry.type })?.max else { return nil }
            return (entry.metric, Double(limit), entry.usage ?? 0)
        }
        return Project(
            id: ResourceID.of(account.id ?? context.project), name: context.project, description: account.name,
            creationTimestamp: Timestamps.fromCloudStack(account.created), quotas: quotas,
            commonInstanceMetadata: MetadataTags.metadata(group?.tags ?? [], prefix: MetadataTags.projectPrefix),
            selfLink: context.links.projectLink)
    }
}
