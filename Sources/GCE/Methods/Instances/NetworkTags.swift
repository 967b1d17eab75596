/// GCE network tag rules: each tag is a resource name (`[a-z]([-a-z0-9]{0,61}[a-z0-9])?`).
enum NetworkTags {
    static func validate(_ tags: [String]) throws(GCEError) {
        for tag in tags where !ResourceNames.isValid(tag) {
            throw GCEError.invalid("Invalid value for field 'resource.tags.items': '\(tag.prefix(128))'")
        }
    }
}
