import Crypto

/// Base64 of UTF-8 text.
enum Base64Text {
    static func encode(_ text: String) -> String { Base64.encode(Array(text.utf8)) }
}
