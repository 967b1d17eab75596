import CloudStack

/// `DescribeImageAttribute` [listTemplates, listTemplatePermissions for launchPermission].
enum DescribeImageAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let imageId: String
        let attribute: String
        enum CodingKeys: String, CodingKey {
            case imageId = "ImageId"
            case attribute = "Attribute"
        }
    }

    typealias Output = ImageAttributeView
    static let name = "DescribeImageAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard ImageAttributeView.names.contains(input.attribute) else {
            throw EC2Error.invalidParameterValue(
                name: "Attribute", value: XMLSafeName.clip(input.attribute), expected: "an image attribute name")
        }
        let (id, template) = try await ImageLookup.require(input.imageId, in: context)
        var view = ImageAttributeView(imageId: id.description, attribute: input.attribute)
        switch input.attribute {
        case "description":
            view.description = template.displaytext
        case "launchPermission":
            let permission = try await context.call(
                EC2Commands.listTemplatePermissions, ["id": template.id ?? ""], context: .ids(.image, [input.imageId]))
            if permission.ispublic == true { view.launchPermission.append(LaunchPermissionView(group: "all", userId: nil)) }
            for account in permission.account { view.launchPermission.append(LaunchPermissionView(group: nil, userId: account)) }
        case "blockDeviceMapping":
            view.volumeSize = Int(max(1, ((template.size ?? 0) + (1 << 30) - 1) >> 30))
            view.snapshotId = ImageView(template)?.snapshotId
        default:
            break
        }
        return view
    }
}
