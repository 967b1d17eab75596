/// Modular exponentiation for RSA signature checks, by Montgomery multiplication (CIOS, Koç et al. 1996) over
/// 32-bit limbs. Only public values pass through it (signature, modulus, public exponent), so it need not run
/// in constant time; it exists because `Crypto` has no RSA verifier yet.
struct Montgomery: Sendable {
    /// The modulus, little-endian limbs.
    let modulus: [UInt32]
    /// -modulus⁻¹ mod 2³².
    private let inverse: UInt32
    /// R² mod modulus, R = 2^(32·limbs).
    private let rSquared: [UInt32]

    /// A context for an odd modulus given big-endian; nil for an even or empty one.
    init?(modulus bigEndian: [UInt8]) {
        let limbs = Self.limbs(bigEndian)
        guard let low = limbs.first, low & 1 == 1 else { return nil }
        modulus = limbs
        var x: UInt32 = 1
        for _ in 0..<5 { x = x &* (2 &- low &* x) }
        inverse = 0 &- x
        var r = [UInt32](repeating: 0, count: limbs.count)
        r[0] = 1
        for _ in 0..<(64 * limbs.count) { r = Self.doubleMod(r, limbs) }
        rSquared = r
    }

    /// base^exponent mod modulus, all big-endian; `length` bytes out.
    func power(_ base: [UInt8], _ exponent: [UInt8], length: Int) -> [UInt8] {
        var b = Self.limbs(base)
        b += [UInt32](repeating: 0, count: max(0, modulus.count - b.count))
        let baseM = multiply(b, rSquared)
        var result = multiply([1] + [UInt32](repeating: 0, count: modulus.count - 1), rSquared)
        for byte in exponent {
            for bit in stride(from: 7, through: 0, by: -1) {
                result = multiply(result, result)
                if (byte >> UInt8(bit)) & 1 == 1 { result = multiply(result, baseM) }
            }
        }
        result = multiply(result, [1] + [UInt32](repeating: 0, count: modulus.count - 1))
        var out: [UInt8] = []
        for limb in result.reversed() {
            out += [
                UInt8(limb >> 24), UInt8(truncatingIfNeeded: limb >> 16), UInt8(truncatingIfNeeded: limb >> 8),
                UInt8(truncatingIfNeeded: limb),
            ]
        }
        if out.count > length { out.removeFirst(out.count - length) }
        return [UInt8](repeating: 0, count: length - out.count) + out
    }

    /// a·b·R⁻¹ mod modulus (CIOS).
    private func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let s = modulus.count
        var t = [UInt32](repeating: 0, count: s + 2)
        for i in 0..<s {
            var carry: UInt64 = 0
            for j in 0..<s {
                let sum = UInt64(t[j]) + UInt64(a[j]) * UInt64(b[i]) + carry
                t[j] = UInt32(truncatingIfNeeded: sum)
                carry = sum >> 32
            }
            var sum = UInt64(t[s]) + carry
            t[s] = UInt32(truncatingIfNeeded: sum)
            t[s + 1] = UInt32(sum >> 32)
            let m = t[0] &* inverse
            sum = UInt64(t[0]) + UInt64(m) * UInt64(modulus[0])
            carry = sum >> 32
            for j in 1..<s {
                sum = UInt64(t[j]) + UInt64(m) * UInt64(modulus[j]) + carry
                t[j - 1] = UInt32(truncatingIfNeeded: sum)
                carry = sum >> 32
            }
            sum = UInt64(t[s]) + carry
            t[s - 1] = UInt32(truncatingIfNeeded: sum)
            t[s] = t[s + 1] &+ UInt32(sum >> 32)
        }
        var result = Array(t[0...s])
        if !Self.less(result, modulus + [0]) { result = Self.subtract(result, modulus + [0]) }
        return Array(result[0..<s])
    }

    /// 2·r mod m for r < m.
    private static func doubleMod(_ r: [UInt32], _ m: [UInt32]) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: r.count + 1)
        var carry: UInt32 = 0
        for i in 0..<r.count {
            out[i] = r[i] << 1 | carry
            carry = r[i] >> 31
        }
        out[r.count] = carry
        if !less(out, m + [0]) { out = subtract(out, m + [0]) }
        return Array(out[0..<r.count])
    }

    /// a < b for equal-length little-endian numbers.
    private static func less(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] }
        return false
    }

    /// a - b for equal-length little-endian numbers, a ≥ b.
    private static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = a
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var difference = Int64(a[i]) - Int64(b[i]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 1 << 32 }
            out[i] = UInt32(difference)
        }
        return out
    }

    /// Big-endian bytes to little-endian limbs, without leading zero limbs.
    static func limbs(_ bytes: [UInt8]) -> [UInt32] {
        var digits = Array(bytes.drop { $0 == 0 })
        while digits.count % 4 != 0 { digits.insert(0, at: 0) }
        var out: [UInt32] = []
        var index = digits.count
        while index > 0 {
            out.append(
                UInt32(digits[index - 4]) << 24 | UInt32(digits[index - 3]) << 16 | UInt32(digits[index - 2]) << 8
                    | UInt32(digits[index - 1]))
            index -= 4
        }
        return out
    }
}
