import CloudStack

/// botocore shape `Image`, from a CloudStack template.
struct ImageView: TemplateModel {
    var imageId: String
    var imageLocation: String
    var imageState: String
    var imageOwnerId: String
    var imageOwnerAlias: String?
    var creationDate: String
    var isPublic: Bool
    var name: String
    var description: String
    var volumeSize: Int
    var tagSet: [TagView]
    var hypervisor = "xen"
    var architecture = "x86_64"
    var imageType = "machine"
    var rootDeviceType = "ebs"
    var rootDeviceName = RootDevice.name
    var virtualizationType = "hvm"
    var platformDetails: String
    /// The snapshot the root disk was made from, for `blockDeviceMapping` (images made from snapshots).
    var snapshotId: String?

    static let templateFields: TemplateFields<Self> = [
        "imageId": .string(\.imageId),
        "imageLocation": .string(\.imageLocation),
        "imageState": .string(\.imageState),
        "imageOwnerId": .string(\.imageOwnerId),
        "imageOwnerAlias": .optional(\.imageOwnerAlias),
        "creationDate": .string(\.creationDate),
        "isPublic": .bool(\.isPublic),
        "name": .string(\.name),
        "description": .string(\.description),
        "volumeSize": .int(\.volumeSize),
        "tagSet": .list(\.tagSet),
        "hypervisor": .string(\.hypervisor),
        "architecture": .string(\.architecture),
        "imageType": .string(\.imageType),
        "rootDeviceType": .string(\.rootDeviceType),
        "rootDeviceName": .string(\.rootDeviceName),
        "virtualizationType": .string(\.virtualizationType),
        "platformDetails": .string(\.platformDetails),
        "snapshotId": .optional(\.snapshotId),
    ]

    /// The view of a template; `nil` without a usable id.
    init?(_ template: Template) {
        guard let id = template.id.flatMap({ EC2ID(kind: .image, cloudStackUUID: $0) }) else { return nil }
        // An image CreateImage made from a running instance keeps the id it was answered with (ImageSource).
        imageId = template.tags.first { $0.key == InternalTags.imageID }?.value ?? id.description
        snapshotId = template.tags.first { $0.key == InternalTags.snapshotID }?.value
        imageLocation = (template.account ?? "") + "/" + (template.name ?? "")
        imageState =
            template.isready == true ? "available" : (template.status?.lowercased().contains("error") == true ? "failed" : "pending")
        imageOwnerId = template.account ?? ""
        // Featured templates are the cloud's own images, what `Owner=amazon` means on AWS.
        imageOwnerAlias = template.isfeatured == true ? "amazon" : nil
        creationDate = CloudStackTime.ec2(template.created)
        isPublic = template.ispublic == true
        name = template.name ?? ""
        description = template.displaytext ?? ""
        volumeSize = Int(max(1, ((template.size ?? 0) + (1 << 30) - 1) >> 30))
        tagSet = TagMapping.views(template.tags)
        platformDetails = template.ostypename?.lowercased().contains("windows") == true ? "Windows" : "Linux/UNIX"
    }

    /// The view of an image still being made from (or failed to be made from) a snapshot.
    init(
        source id: EC2ID, snapshotID: String, name: String, description: String, owner: String, created: String?, bytes: Int64,
        state: String, tags: [(key: String, value: String)]
    ) {
        imageId = id.description
        imageLocation = owner + "/" + name
        imageState = state
        imageOwnerId = owner
        imageOwnerAlias = nil
        creationDate = CloudStackTime.ec2(created)
        isPublic = false
        self.name = name
        self.description = description
        volumeSize = Int(max(1, (max(0, bytes) + (1 << 30) - 1) >> 30))
        tagSet = tags.map { TagView(key: $0.key, value: $0.value) }
        platformDetails = "Linux/UNIX"
        snapshotId = snapshotID
    }
}
