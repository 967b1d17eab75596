/// botocore shape `LaunchPermission`: `group` `all` for public images, else an account as `userId`.
struct LaunchPermissionView: TemplateModel {
    let group: String?
    let userId: String?
    static let templateFields: TemplateFields<Self> = ["group": .optional(\.group), "userId": .optional(\.userId)]
}
