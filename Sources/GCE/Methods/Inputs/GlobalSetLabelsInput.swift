/// The input of `setLabels` on a global resource (`global/images/{resource}`, `global/snapshots/{resource}`):
/// its name and the `GlobalSetLabelsRequest` body.
struct GlobalSetLabelsInput: Sendable {
    let name: String
    let labelFingerprint: String?
    let labels: [(key: String, value: String)]

    init(_ request: MethodRequest) throws(GCEError) {
        name = try request.name("resource")
        let body = try request.json().requireObject()
        if case .object(let members) = body {
            for (key, _) in members where key != "labels" && key != "labelFingerprint" {
                throw GCEError.invalid("Invalid JSON payload received. Unknown name \"\(key.prefix(64))\"")
            }
        }
        labels = try body.stringMap("labels", at: "labels")
        try Labels.validate(labels)
        labelFingerprint = try body.string("labelFingerprint", at: "labelFingerprint")
    }
}
