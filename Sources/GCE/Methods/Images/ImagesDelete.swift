import CloudStack

/// `compute.images.delete` [deleteTemplate].
enum ImagesDelete {
    static let method = Method("compute.images.delete", .delete, "projects/{project}/global/images/{image}") { call in
        let image = try await call.image(try call.parameter("image"))
        let receipt = try await call.call(CommandTable.deleteTemplate, ["id": image.row.id ?? ""])
        return try await call.started(.imageDelete, job: receipt.jobid, target: image.row.id ?? "", scope: .global, targetName: image.name)
    }
}
