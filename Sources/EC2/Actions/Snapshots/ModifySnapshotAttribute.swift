import CloudStack

/// `ModifySnapshotAttribute` [listSnapshots]: CloudStack 4.18 cannot share a snapshot with another
/// account or make it public, so adding a `createVolumePermission` is refused naming it. Removing
/// one succeeds: there is never one to remove.
enum ModifySnapshotAttribute: EC2Action {
    /// One `CreateVolumePermission.Add.N` / `.Remove.N`.
    struct Permission: Decodable, Sendable {
        let group: String?
        let userId: String?
        enum CodingKeys: String, CodingKey {
            case group = "Group"
            case userId = "UserId"
        }
    }

    /// `CreateVolumePermission`.
    struct Modifications: Decodable, Sendable {
        let add: [Permission]?
        let remove: [Permission]?
        enum CodingKeys: String, CodingKey {
            case add = "Add"
            case remove = "Remove"
        }
    }

    /// Wire input.
    struct Input: Decodable, Sendable {
        let snapshotId: String
        let attribute: String?
        let operationType: String?
        let userIds: [String]?
        let groupNames: [String]?
        let createVolumePermission: Modifications?
        enum CodingKeys: String, CodingKey {
            case snapshotId = "SnapshotId"
            case attribute = "Attribute"
            case operationType = "OperationType"
            case userIds = "UserId"
            case groupNames = "UserGroup"
            case createVolumePermission = "CreateVolumePermission"
        }
    }

    typealias Output = ReturnView
    static let name = "ModifySnapshotAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        if let attribute = input.attribute, attribute != "createVolumePermission" {
            throw EC2Error.invalidParameterValue(
                name: "Attribute", value: XMLSafeName.clip(attribute), expected: "createVolumePermission")
        }
        var adds = input.createVolumePermission?.add ?? []
        var removes = input.createVolumePermission?.remove ?? []
        if let operation = input.operationType {
            let listed =
                (input.userIds ?? []).map { Permission(group: nil, userId: $0) }
                + (input.groupNames ?? []).map { Permission(group: $0, userId: nil) }
            switch operation {
            case "add": adds += listed
            case "remove": removes += listed
            default:
                throw EC2Error.invalidParameterValue(name: "OperationType", value: XMLSafeName.clip(operation), expected: "add or remove")
            }
        }
        guard !adds.isEmpty || !removes.isEmpty else { throw EC2Error.missingParameter("CreateVolumePermission") }
        for permission in adds + removes where permission.group != nil && permission.group != "all" {
            throw EC2Error.invalidParameterValue(name: "Group", value: XMLSafeName.clip(permission.group ?? ""), expected: "all")
        }
        _ = try await SnapshotLookup.require(input.snapshotId, in: context)
        if let first = adds.first {
            let whom = first.group == "all" ? "public (Group=all)" : "shared with '\(XMLSafeName.clip(first.userId ?? ""))'"
            throw EC2Error.unsupportedOperation(
                "CreateVolumePermission.Add is not supported: a CloudStack snapshot cannot be made \(whom); it belongs to its account alone."
            )
        }
        return ReturnView(value: true)
    }
}
