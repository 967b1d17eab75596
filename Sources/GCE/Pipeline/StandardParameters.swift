/// The discovery document's standard query parameters: accepted on every method, checked where they matter.
enum StandardParameters {
    /// `alt` must be `json` (the only representation served); `fields` selects a partial response (a
    /// `FieldSelection`, parsed here and applied by `render`); `prettyPrint`, `quotaUser`, `key`, `$.xgafv`,
    /// `userIp`, `callback` and `uploadType` are accepted and change nothing.
    static func check(_ query: FormFields) throws(GCEError) -> FieldSelection? {
        if let alt = query["alt"], alt != "json" { throw GCEError.invalid("Invalid value for alt: \(alt); only json is served") }
        if let xgafv = query["$.xgafv"], xgafv != "1", xgafv != "2" { throw GCEError.invalid("Invalid value for $.xgafv: \(xgafv)") }
        if let pretty = query["prettyPrint"], pretty != "true", pretty != "false" {
            throw GCEError.invalid("Invalid value for prettyPrint: \(pretty)")
        }
        guard let fields = query["fields"], !fields.isEmpty else { return nil }
        return try FieldSelection(fields)
    }
}
