extension ActionContext {
    /// The one `tag:<key>` filter CloudStack may apply (`tags[0].key/value`), in CloudStack's value form.
    ///
    /// None while the caller has tags pending (a createTags job still running): CloudStack would not
    /// find them yet, and Describe answers show them from memory.
    func tagPushdown<Item>(_ filters: FilterSet<Item>) -> [(key: String, value: String)] {
        guard memory.pendingTags.isEmpty(for: accessKeyID), let tag = filters.pushdownTags.first(where: { $0.values.count == 1 }) else {
            return []
        }
        return [(tag.key, TagMapping.cloudStack(tag.values[0]))]
    }
}
