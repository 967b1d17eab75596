import CloudStack

/// `RegisterImage` from a URL (`ImageLocation`) [registerTemplate]: the format comes from the URL's
/// extension, hypervisor and OS type from an image the caller can already launch.
enum RegisterImage: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let imageLocation: String?
        let name: String
        let description: String?
        enum CodingKeys: String, CodingKey {
            case imageLocation = "ImageLocation"
            case name = "Name"
            case description = "Description"
        }
    }

    typealias Output = ImageIdView
    static let name = "RegisterImage"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard let location = input.imageLocation, location.hasPrefix("http://") || location.hasPrefix("https://") else {
            throw EC2Error.unsupportedOperation("Only ImageLocation with an http(s) URL of a disk image can be registered here.")
        }
        guard (3...128).contains(input.name.count) else {
            throw EC2Error.invalidParameterValue("The image name must be between 3 and 128 characters long.")
        }
        let reference = try await ImageLookup.templates(filter: "executable", in: context).first
        var parameters: Parameters = [
            "name": input.name, "displaytext": input.description ?? input.name, "url": location, "format": format(of: location),
            "hypervisor": reference?.hypervisor ?? "KVM", "zoneid": "-1",
        ]
        if let osType = reference?.ostypeid { parameters["ostypeid"] = osType }
        let registered = try await context.call(CommandTable.registerTemplate, parameters)
        guard let image = registered.items.first?.id.flatMap({ EC2ID(kind: .image, cloudStackUUID: $0) }) else {
            throw EC2Error.internalError()
        }
        return ImageIdView(imageId: image.description)
    }

    /// CloudStack's format name for a disk image URL.
    static func format(of url: String) -> String {
        let lower = url.lowercased().split(separator: "?").first.map(String.init) ?? ""
        if lower.hasSuffix(".vhd") || lower.hasSuffix(".vhd.bz2") || lower.hasSuffix(".vhd.gz") { return "VHD" }
        if lower.hasSuffix(".ova") { return "OVA" }
        if lower.hasSuffix(".raw") || lower.hasSuffix(".img") { return "RAW" }
        if lower.hasSuffix(".iso") { return "ISO" }
        return "QCOW2"
    }
}
