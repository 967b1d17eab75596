extension JSONReader {
    /// The index of the first `"` or `\` at or after `from`, or `bytes.count`; eight bytes per step.
    ///
    /// String bodies are most of a CloudStack answer, so the scan tests a word at a time with the
    /// "has zero byte" trick instead of comparing byte by byte.
    @inlinable @inline(__always)
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

    /// Like `findQuoteOrBackslash`, and also whether every byte before the stop was ASCII, found in the
    /// same pass so a string known to be ASCII can skip UTF-8 validation.
    @inlinable @inline(__always)
    func findQuoteOrBackslashNotingASCII(from start: Int) -> (stop: Int, ascii: Bool) {
        let end = bytes.count
        var i = start
        var high: UInt64 = 0
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
                if found != 0 {
                    let offset = found.trailingZeroBitCount / 8
                    // Only the bytes before the stop count: mask off the stop byte and what follows.
                    let before = offset == 0 ? 0 : word & (UInt64.max >> UInt64(64 - 8 * offset))
                    return (i + offset, (high | before) & highs == 0)
                }
                high |= word
                i += 8
            }
        }
        var ascii = high & 0x8080_8080_8080_8080 == 0
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return (i, ascii) }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        return (end, ascii)
    }
}
