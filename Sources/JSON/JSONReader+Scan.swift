extension JSONReader {
    /// The index of the first `"` or `\` at or after `from`, or `bytes.count`; eight bytes per step.
    ///
    /// String bodies are most of a CloudStack answer, so the scan tests a word at a time with the
    /// "has zero byte" trick instead of comparing byte by byte.
    @inlinable
    func findQuoteOrBackslash(from start: Int) -> Int {
        let end = bytes.count
        var i = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quotes = ones &* UInt64(UInt8(ascii: "\""))
            let slashes = ones &* UInt64(UInt8(ascii: "\\"))
            while i + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let q = word ^ quotes
                let s = word ^ slashes
                let found = ((q &- ones) & ~q | (s &- ones) & ~s) & highs
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return end
    }
}
