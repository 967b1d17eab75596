/// Comparisons whose time does not depend on where two secrets first differ.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes; time depends only on the lengths.
    public static func equals<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        // Across modules this generic runs unspecialised; contiguous inputs (arrays, string UTF-8)
        // are compared as buffers instead of through two iterators' witnesses.
        let fast = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in equals(buffer: x, y) }
        }
        if let fast, let result = fast { return result }
        return Array(a).withUnsafeBufferPointer { x in Array(b).withUnsafeBufferPointer { y in equals(buffer: x, y) } }
    }

    /// Whether two strings hold the same UTF-8 bytes, in time that depends only on their lengths.
    public static func equals(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in equals(buffer: x, y) } }
    }

    private static func equals(buffer a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for index in 0..<a.count {
            difference |= a[index] ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
