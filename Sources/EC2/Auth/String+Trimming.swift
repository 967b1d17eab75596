extension Substring.UTF8View {
    /// `self` without leading and trailing spaces.
    var trimmingSpaces: Substring.UTF8View {
        var view = self
        while view.first == UInt8(ascii: " ") { view = view.dropFirst() }
        while view.last == UInt8(ascii: " ") { view = view.dropLast() }
        return view
    }
}
