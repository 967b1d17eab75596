/// instances.bulkInsert's names: the `perInstanceProperties` keys first, then as many as `count` still needs from
/// `namePattern`, whose one run of `#` is a zero-padded index continuing after the highest existing name that
/// matches (`vm-####` with `vm-0050` present gives `vm-0051`, `vm-0052`, ...).
struct BulkInsertNames: Sendable {
    /// The text before and after the run of `#`, and the run's length (1...18 digits, so an index fits in Int64).
    struct Pattern: Sendable, Equatable {
        let prefix: String
        let suffix: String
        let digits: Int

        /// GCE's limit on the placeholder's length.
        static let maximumDigits = 18

        /// Parses `text`; 400 naming `resource.namePattern` unless it has exactly one run of 1...18 `#` and the names
        /// it makes are valid instance names (all have one length and differ only in digits, so one sample decides).
        init(_ text: String) throws(GCEError) {
            let bytes = Array(text.utf8)
            let hash = UInt8(ascii: "#")
            guard let start = bytes.firstIndex(of: hash), let last = bytes.lastIndex(of: hash),
                bytes[start...last].allSatisfy({ $0 == hash })
            else {
                throw Self.invalid(text, "it must contain one continuous run of '#'")
            }
            let digits = last - start + 1
            guard digits <= Self.maximumDigits else {
                throw Self.invalid(text, "the run of '#' can have at most \(Self.maximumDigits) characters")
            }
            prefix = String(decoding: bytes[..<start], as: UTF8.self)
            suffix = String(decoding: bytes[(last + 1)...], as: UTF8.self)
            self.digits = digits
            guard ResourceNames.isValid(prefix + String(repeating: "0", count: digits) + suffix) else {
                throw Self.invalid(text, "the names it makes must match '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'")
            }
        }

        /// The index in `name` when it is this pattern with `digits` decimal digits in place of the run.
        func index(of name: String) -> Int64? {
            guard name.utf8.count == prefix.utf8.count + digits + suffix.utf8.count, name.hasPrefix(prefix),
                name.hasSuffix(suffix)
            else { return nil }
            let middle = name.utf8.dropFirst(prefix.utf8.count).prefix(digits)
            guard middle.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return Int64(String(decoding: middle, as: UTF8.self))
        }

        /// The name for `index` (which fits in `digits`), zero-padded.
        func name(_ index: Int64) -> String {
            let number = String(index)
            return prefix + String(repeating: "0", count: max(0, digits - number.count)) + number + suffix
        }

        private static func invalid(_ text: String, _ reason: String) -> GCEError {
            GCEError.invalid("Invalid value for field 'resource.namePattern': '\(text.prefix(128))'. \(reason)")
        }
    }

    /// `perInstanceProperties` keys, in body order.
    let named: [String]
    let pattern: Pattern?
    /// `count`.
    let count: Int

    /// Every name to create, given the zone's `existing` instance names; 400 when the pattern runs out of digits.
    func names(existing: Set<String>) throws(GCEError) -> [String] {
        var names = named
        guard names.count < count, let pattern else { return names }
        var highest: Int64 = 0
        for name in existing.union(named) {
            if let index = pattern.index(of: name), index > highest { highest = index }
        }
        var limit: Int64 = 1
        for _ in 0..<pattern.digits { limit *= 10 }
        let wanted = Int64(count - names.count)
        let (last, overflow) = highest.addingReportingOverflow(wanted)
        guard !overflow, last < limit else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.namePattern': '\(pattern.prefix)\(String(repeating: "#", count: pattern.digits))"
                    + "\(pattern.suffix)' has no room for \(wanted) more instances after index \(highest)")
        }
        var index = highest
        while index < last {
            index += 1
            names.append(pattern.name(index))
        }
        return names
    }
}
