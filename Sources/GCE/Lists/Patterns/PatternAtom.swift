/// What one step of a pattern consumes: a scalar, `.`, or a set of scalar ranges, optionally case-folded.
struct PatternAtom: Sendable {
    /// The scalars accepted, as sorted, disjoint, inclusive ranges of code points.
    let ranges: [ClosedRange<UInt32>]
    /// `(?i)`: a scalar also matches when its simple lower- or upper-case mapping does.
    let foldCase: Bool

    /// RE2's `\d`.
    static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
    /// RE2's `\w`: ASCII letters, digits and `_`.
    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    /// RE2's `\s`: tab, newline, form feed, carriage return, space (not vertical tab).
    static let space: [ClosedRange<UInt32>] = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]
    /// Every Unicode scalar value.
    static let everything: [ClosedRange<UInt32>] = [0...0xD7FF, 0xE000...0x10FFFF]

    init(ranges: [ClosedRange<UInt32>], foldCase: Bool) {
        self.ranges = Self.normalized(ranges)
        self.foldCase = foldCase
    }

    /// One literal scalar.
    init(_ scalar: Unicode.Scalar, foldCase: Bool) {
        self.init(ranges: [scalar.value...scalar.value], foldCase: foldCase)
    }

    /// `.`: any scalar, newline only under `(?s)`.
    static func any(dotMatchesNewline: Bool) -> PatternAtom {
        PatternAtom(ranges: dotMatchesNewline ? everything : complement([0x0A...0x0A]), foldCase: false)
    }

    /// Whether `scalar` is accepted.
    func matches(_ scalar: Unicode.Scalar) -> Bool {
        if contains(scalar.value) { return true }
        guard foldCase else { return false }
        let properties = scalar.properties
        for mapping in [properties.lowercaseMapping, properties.uppercaseMapping] {
            let scalars = mapping.unicodeScalars
            if scalars.count == 1, let folded = scalars.first, folded != scalar, contains(folded.value) { return true }
        }
        return false
    }

    private func contains(_ value: UInt32) -> Bool { Self.contains(ranges, value) }

    /// Binary search over sorted disjoint ranges.
    static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = low + (high - low) / 2
            if ranges[mid].upperBound < value {
                low = mid + 1
            } else if ranges[mid].lowerBound > value {
                high = mid
            } else {
                return true
            }
        }
        return false
    }

    /// Sorted, merged ranges.
    static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// `ranges` plus the other case of every ASCII letter in them, so a negated `(?i)` class is exact.
    static func withASCIICaseVariants(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var out = ranges
        for (letters, shift) in [(UInt32(0x41)...0x5A, Int64(0x20)), (0x61...0x7A, -0x20)] {
            for range in ranges where range.overlaps(letters) {
                let low = Int64(max(range.lowerBound, letters.lowerBound)) + shift
                let high = Int64(min(range.upperBound, letters.upperBound)) + shift
                out.append(UInt32(low)...UInt32(high))
            }
        }
        return normalized(out)
    }

    /// The scalars not in `ranges` (`[^...]`, `\D`, `\W`, `\S`).
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in normalized(ranges) {
            if range.lowerBound > next { out.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
            if range.upperBound >= 0x10FFFF { return out }
        }
        out.append(next...0x10FFFF)
        return out
    }
}
