/// botocore shape `GroupIdentifier`.
struct GroupView: TemplateModel {
    let groupId: String
    let groupName: String
    static let templateFields: TemplateFields<Self> = ["groupId": .string(\.groupId), "groupName": .string(\.groupName)]
}
