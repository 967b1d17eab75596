/// Comparisons whose time does not depend on where two secrets first differ.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes; time depends only on the lengths.
    public static func equals<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        var ai = a.makeIterator()
        var bi = b.makeIterator()
        while let x = ai.next() {
            let y = bi.next() ?? 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
