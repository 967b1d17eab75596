/// The input of a method on one global resource (`zones/{zone}`, `global/images/{image}`): its name.
struct NamedInput: Sendable {
    /// The resource's GCE name (or numeric id).
    let name: String

    /// Reads the path parameter `parameter` (`zone`, `image`, ...).
    init(_ request: MethodRequest, _ parameter: String) throws(GCEError) {
        name = try request.name(parameter)
    }
}
