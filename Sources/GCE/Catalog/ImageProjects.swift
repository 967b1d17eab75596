import CloudStack

/// One configured placement of CloudStack templates in a read-only public image project (`gce.imageProjects`):
/// every public or featured template whose OS type (`ostypename`) starts with `osTypePrefix` (case-insensitive)
/// is an image of `project` in `family`. Written `<project>/<family>=<OS type prefix>`, e.g.
/// `debian-cloud/debian-12=Debian GNU/Linux 12`.
public struct ImageProjectRule: Sendable, Equatable {
    /// The image project, e.g. `debian-cloud`.
    public var project: String
    /// The image family, e.g. `debian-12`.
    public var family: String
    /// The start of the CloudStack OS type name, e.g. `Debian GNU/Linux 12`.
    public var osTypePrefix: String

    /// Creates a rule.
    public init(project: String, family: String, osTypePrefix: String) {
        self.project = project
        self.family = family
        self.osTypePrefix = osTypePrefix
    }

    /// Parses `<project>/<family>=<OS type prefix>`; nil unless project and family are GCE names and the prefix
    /// is not empty.
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let left = text[..<equals].split(separator: "/", omittingEmptySubsequences: false)
        let prefix = String(text[text.index(after: equals)...]).trimmingSpaces
        guard left.count == 2, ResourceNames.isValid(left[0]), ResourceNames.isValid(left[1]), !prefix.isEmpty else { return nil }
        self.init(project: String(left[0]), family: String(left[1]), osTypePrefix: prefix)
    }
}

/// The read-only public image projects (`debian-cloud`, `ubuntu-os-cloud`, ...): which CloudStack templates are
/// their images, and in which family. With no `gce.imageProjects` configured, CloudStack's featured templates are
/// placed by OS type (`defaultPlacement`); with rules, public and featured templates are placed by the first
/// rule whose prefix their OS type starts with.
enum ImageProjects {
    /// The projects the default placement serves (each answers an empty image list when no template maps to it).
    static let defaultProjects: Set<String> = [
        "almalinux-cloud", "centos-cloud", "debian-cloud", "opensuse-cloud", "rhel-cloud", "rocky-linux-cloud", "suse-cloud",
        "ubuntu-os-cloud", "windows-cloud",
    ]

    /// Whether `project` is a public image project under this configuration.
    static func serves(_ project: String, _ rules: [ImageProjectRule]) -> Bool {
        rules.isEmpty ? defaultProjects.contains(project) : rules.contains { $0.project == project }
    }

    /// The project and family a template has as a public image, or nil when it is in none.
    static func placement(_ template: Template, _ rules: [ImageProjectRule]) -> (project: String, family: String)? {
        guard let os = template.ostypename, !os.isEmpty else { return nil }
        if rules.isEmpty {
            guard template.isfeatured == true else { return nil }
            return defaultPlacement(os)
        }
        guard template.isfeatured == true || template.ispublic == true else { return nil }
        let lower = os.lowercased()
        guard let rule = rules.first(where: { lower.hasPrefix($0.osTypePrefix.lowercased()) }) else { return nil }
        return (rule.project, rule.family)
    }

    /// The default placement by OS type name, with Google's family names: `Debian GNU/Linux 12 (64-bit)` ->
    /// debian-cloud `debian-12`, `Ubuntu 22.04 LTS` -> ubuntu-os-cloud `ubuntu-2204-lts`, `CentOS 7.9` ->
    /// centos-cloud `centos-7`, `Rocky Linux 9` -> rocky-linux-cloud `rocky-linux-9`, `Windows Server 2022` ->
    /// windows-cloud `windows-2022`, `Red Hat Enterprise Linux 9` -> rhel-cloud `rhel-9`, `AlmaLinux 9` ->
    /// almalinux-cloud `almalinux-9`, `SUSE Linux Enterprise Server 15` -> suse-cloud `sles-15`, `openSUSE Leap 15`
    /// -> opensuse-cloud `opensuse-leap-15`. Other OS types are in no image project.
    static func defaultPlacement(_ osTypeName: String) -> (project: String, family: String)? {
        let lower = osTypeName.lowercased()
        let version = lower.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }).first { $0.first?.isNumber == true }
        guard let version else { return nil }
        let major = String(version.prefix { $0.isNumber })
        guard !major.isEmpty else { return nil }
        func has(_ prefix: String) -> Bool { lower.hasPrefix(prefix) }
        if has("debian") { return ("debian-cloud", "debian-\(major)") }
        if has("ubuntu") {
            let digits = version.filter { $0.isNumber }
            return ("ubuntu-os-cloud", "ubuntu-\(digits)" + (lower.contains("lts") ? "-lts" : ""))
        }
        if has("centos stream") { return ("centos-cloud", "centos-stream-\(major)") }
        if has("centos") { return ("centos-cloud", "centos-\(major)") }
        if has("rocky") { return ("rocky-linux-cloud", "rocky-linux-\(major)") }
        if has("windows server") || has("windows") { return ("windows-cloud", "windows-\(major)") }
        if has("red hat enterprise linux") || has("rhel") { return ("rhel-cloud", "rhel-\(major)") }
        if has("almalinux") { return ("almalinux-cloud", "almalinux-\(major)") }
        if has("suse linux enterprise") || has("sles") { return ("suse-cloud", "sles-\(major)") }
        if has("opensuse") { return ("opensuse-cloud", "opensuse-leap-\(major)") }
        return nil
    }

    /// The methods an image project answers; any other `compute.images.*` method is refused 403, as Google refuses
    /// changes to projects the caller does not own.
    static let readOnlyMethods: Set<String> = [
        "compute.imageFamilyViews.get", "compute.images.get", "compute.images.getFromFamily", "compute.images.list",
    ]
}

extension MethodCall {
    /// Whether the project in the path is a public image project.
    var isImageProject: Bool { ImageProjects.serves(project, configuration.imageProjects) }

    /// The images of `project`: the caller's templates for its own project, the placed public or featured templates
    /// for an image project. Names are those `templates()` gives, so an image has one name in every project.
    func images(in project: String) async throws(GCEError) -> [Named<Template>] {
        let all = try await templates()
        guard ImageProjects.serves(project, configuration.imageProjects) else { return all }
        return all.filter { ImageProjects.placement($0.row, configuration.imageProjects)?.project == project }
    }

    /// The image of that name or numeric id in `project` (404 when unknown).
    func image(_ name: String, in project: String) async throws(GCEError) -> Named<Template> {
        guard let image = try await images(in: project).find(name, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(project)/global/images/\(name)")
        }
        return image
    }

    /// A template as an image of `project`: links in that project, and its family there.
    func imageView(_ template: Named<Template>, in project: String) -> Image {
        let imageLinks = project == self.project ? links : Links(publicBaseURL: configuration.publicBaseURL, project: project)
        var image = Conversions.image(template, links: imageLinks)
        image.family = family(of: template.row, in: project)
        return image
    }

    /// A template's family in `project`.
    func family(of template: Template, in project: String) -> String? {
        guard ImageProjects.serves(project, configuration.imageProjects) else { return Conversions.family(template) }
        return ImageProjects.placement(template, configuration.imageProjects)?.family
    }

    /// The newest ready, not deprecated template of an image family in `project`.
    func newest(family: String, in project: String) async throws(GCEError) -> Named<Template>? {
        try await images(in: project).filter {
            $0.row.isready == true && self.family(of: $0.row, in: project) == family
                && (ImageDeprecations.read($0.row.tags)?.state ?? "ACTIVE") == "ACTIVE"
        }
        .max { (Timestamps.epoch(fromCloudStack: $0.row.created) ?? 0) < (Timestamps.epoch(fromCloudStack: $1.row.created) ?? 0) }
    }

    /// The one resolver of image references (`sourceImage` of instances.insert and disks.insert):
    /// `<name>`, `global/images/<name>`, `…/global/images/family/<family>`, each optionally under
    /// `projects/<project>/` or a full `https://…/compute/v1/projects/<project>/…` link. A public image project
    /// named there resolves in it (then, for compatibility, in the caller's own); any other project is the caller's own.
    func sourceImage(_ reference: String) async throws(GCEError) -> Named<Template> {
        let parts = reference.split(separator: "/")
        var imageProject = project
        if let index = parts.lastIndex(of: "projects"), index + 1 < parts.count,
            ImageProjects.serves(String(parts[index + 1]), configuration.imageProjects)
        {
            imageProject = String(parts[index + 1])
        }
        if parts.count >= 2, parts[parts.count - 2] == "family" {
            let family = String(parts[parts.count - 1])
            if let newest = try await newest(family: family, in: imageProject) { return newest }
            // Compatibility: before image projects, every project segment was ignored; an image of the caller's own
            // project named under another project still resolves.
            if imageProject != project, let newest = try await newest(family: family, in: project) { return newest }
            throw GCEError.notFound("projects/\(imageProject)/global/images/family/\(family)")
        }
        let name = lastSegment(reference)
        if let found = try await images(in: imageProject).find(name, id: { $0.id ?? "" }) { return found }
        if imageProject != project, let own = try await images(in: project).find(name, id: { $0.id ?? "" }) { return own }
        throw GCEError.notFound("projects/\(imageProject)/global/images/\(name)")
    }
}
