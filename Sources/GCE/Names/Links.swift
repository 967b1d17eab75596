/// Full resource URLs on the bridge's public base URL (`selfLink`, `zone`, `machineType`, `targetLink`, ...).
public struct Links: Sendable {
    /// `https://host:port/compute/v1/projects/<project>` (no trailing slash).
    public let projectLink: String
    /// `https://host:port/compute/v1/`.
    public let serviceRoot: String

    /// Links for `project` under `publicBaseURL` (e.g. `https://127.0.0.1:8443`).
    public init(publicBaseURL: String, project: String) {
        var base = publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        serviceRoot = base + "/compute/v1/"
        projectLink = serviceRoot + "projects/" + project
    }

    /// `…/zones/<zone>`.
    public func zone(_ zone: String) -> String { projectLink + "/zones/" + zone }
    /// `…/regions/<region>`.
    public func region(_ region: String) -> String { projectLink + "/regions/" + region }
    /// `…/zones/<zone>/machineTypes/<name>`.
    public func machineType(_ zone: String, _ name: String) -> String { self.zone(zone) + "/machineTypes/" + name }
    /// `…/zones/<zone>/diskTypes/<name>`.
    public func diskType(_ zone: String, _ name: String) -> String { self.zone(zone) + "/diskTypes/" + name }
    /// `…/zones/<zone>/instances/<name>`.
    public func instance(_ zone: String, _ name: String) -> String { self.zone(zone) + "/instances/" + name }
    /// `…/zones/<zone>/disks/<name>`.
    public func disk(_ zone: String, _ name: String) -> String { self.zone(zone) + "/disks/" + name }
    /// `…/global/images/<name>`.
    public func image(_ name: String) -> String { projectLink + "/global/images/" + name }
    /// `…/global/snapshots/<name>`.
    public func snapshot(_ name: String) -> String { projectLink + "/global/snapshots/" + name }
    /// `…/global/networks/<name>`.
    public func network(_ name: String) -> String { projectLink + "/global/networks/" + name }
    /// `…/global/firewalls/<name>`.
    public func firewall(_ name: String) -> String { projectLink + "/global/firewalls/" + name }
    /// `…/regions/<region>/subnetworks/<name>`.
    public func subnetwork(_ region: String, _ name: String) -> String { self.region(region) + "/subnetworks/" + name }
    /// The operation's `selfLink` for its scope.
    public func operation(_ scope: OperationScope, _ name: String) -> String {
        switch scope {
        case .zone(let zone): self.zone(zone) + "/operations/" + name
        case .region(let region): self.region(region) + "/operations/" + name
        case .global: projectLink + "/global/operations/" + name
        }
    }
    /// A collection link such as `…/zones/<zone>/instances`, for list `selfLink`s.
    public func collection(_ path: String) -> String { projectLink + "/" + path }
}
