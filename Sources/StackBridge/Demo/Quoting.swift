/// Quoting for the lines `stackbridge demo` prints, so each works when pasted into bash as it is.
enum Quoting {
    /// `text` as one bash word: unchanged when it holds only characters bash never interprets, else in
    /// single quotes (inside which bash interprets nothing; a `'` becomes `'\''`).
    static func shell(_ text: String) -> String {
        if !text.isEmpty && text.utf8.allSatisfy(isPlainShellByte) { return text }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// `text` as a Python string literal in double quotes (backslash escapes for `\`, `"` and control characters).
    static func python(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // Letters, digits and `-_./:@%+=,` mean nothing to bash in a word (`=` only before the command name,
    // where `export NAME=value` wants it); `~` would expand at the start of a word, so it is quoted.
    private static func isPlainShellByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "@"),
            UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ","):
            true
        default: false
        }
    }
}
