extension String {
    /// `self` without leading and trailing spaces, as `Authorization` header parts may be padded.
    var trimmingSpaces: String {
        var view = Substring(self)
        while view.first == " " { view = view.dropFirst() }
        while view.last == " " { view = view.dropLast() }
        return String(view)
    }
}
