/// Where the next page starts: an offset into the sorted result and, for stability when items
/// come and go between pages, the sort key of the last item returned.
public struct PagePosition: Sendable, Equatable {
    /// Items already returned.
    public let offset: Int
    /// The sort key of the last item returned, if the action pages by key.
    public let afterKey: String?
    /// Items of the row `afterKey` names already returned, when a row yields several and the page ended inside it
    /// (0: the row was returned whole; `CloudStackPageWalker.Position.taken`).
    public let taken: Int

    /// Creates a position.
    public init(offset: Int, afterKey: String? = nil, taken: Int = 0) {
        self.offset = offset
        self.afterKey = afterKey
        self.taken = max(0, taken)
    }
}
