/// Shortens client-supplied names before they are quoted in error messages.
enum XMLSafeName {
    /// At most 128 characters of `text` (escaping happens where the message is written).
    static func clip(_ text: String) -> String {
        text.count > 128 ? String(text.prefix(128)) + "..." : text
    }
}
