/// Where the next page starts: an offset into the sorted result and, for stability when items
/// come and go between pages, the sort key of the last item returned.
public struct PagePosition: Sendable, Equatable {
    /// Items already returned.
    public let offset: Int
    /// The sort key of the last item returned, if the action pages by key.
    public let afterKey: String?

    /// Creates a position.
    public init(offset: Int, afterKey: String? = nil) {
        self.offset = offset
        self.afterKey = afterKey
    }
}
