import CloudStack
import Pipeline

/// `compute.images.delete` [deleteTemplate].
enum ImagesDelete: GCEMethod {
    static let id = "compute.images.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/global/images/{image}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "image") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Operation {
        let image = try await context.image(input.name)
        let receipt = try await context.call(CommandTable.deleteTemplate, ["id": image.row.id ?? ""])
        return context.started(.imageDelete, job: receipt.jobid, target: image.row.id ?? "", scope: .global, targetName: image.name)
    }
}
