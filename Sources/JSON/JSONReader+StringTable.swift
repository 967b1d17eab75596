/// Strings already made during one `JSONReader.read`, found again by their bytes, so a value that
/// repeats (a list's zone, domain, template and offering ids, the VM id echoed by its NICs and tags)
/// is one shared `String` instead of one allocation and copy per occurrence.
///
/// A direct-mapped cache, not a set: a collision replaces the older entry. Only strings too long
/// for Swift's inline small form (over 15 UTF-8 bytes) go in; shorter ones never allocate anyway.
/// Entries point into the input, which outlives the table (both belong to one `read`).
@usableFromInline
final class JSONStringTable {
    @usableFromInline struct Entry {
        @usableFromInline var start: UnsafePointer<UInt8>?
        @usableFromInline var count: Int
        @usableFromInline var string: String

        @inlinable init(start: UnsafePointer<UInt8>?, count: Int, string: String) {
            self.start = start
            self.count = count
            self.string = string
        }
    }

    /// Slot count, a power of two; allocated on the first long string, so small answers pay nothing.
    @usableFromInline static let capacity = 512
    /// Raw storage rather than an array: no copies of entries on the hot path. Exclusivity is not
    /// checked at run time: only the one reader of one `read` touches the table, never concurrently.
    @exclusivity(unchecked) @usableFromInline var entries: UnsafeMutablePointer<Entry>?

    @inlinable init() {}

    deinit {
        if let entries {
            entries.deinitialize(count: Self.capacity)
            entries.deallocate()
        }
    }

    /// The shared string for `run`, made by `make` the first time these bytes are seen.
    @inlinable
    func string(for run: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> String) -> String {
        guard let base = run.baseAddress else { return make(run) }
        let table: UnsafeMutablePointer<Entry>
        if let entries {
            table = entries
        } else {
            table = UnsafeMutablePointer<Entry>.allocate(capacity: Self.capacity)
            table.initialize(repeating: Entry(start: nil, count: 0, string: ""), count: Self.capacity)
            entries = table
        }
        let slot = table + (Int(truncatingIfNeeded: Self.hash(base, run.count)) & (Self.capacity - 1))
        if slot.pointee.count == run.count, let start = slot.pointee.start, Self.equal(start, base, run.count) {
            return slot.pointee.string
        }
        let made = make(run)
        slot.pointee.start = base
        slot.pointee.count = run.count
        slot.pointee.string = made
        return made
    }

    /// A multiplicative hash over 8-byte words; the last word overlaps the one before it, since only
    /// strings of 16 bytes or more are hashed.
    @inlinable @inline(__always)
    static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        var h = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 < count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            i += 8
        }
        if count >= 8 {
            h = (h ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53
        } else {
            for k in 0..<count { h = (h ^ UInt64(base[k])) &* 0xC4CE_B9FE_1A85_EC53 }
        }
        return h ^ (h >> 29)
    }

    /// Whether `count` (at least 8) bytes at `a` and `b` are equal, a word at a time; the last word
    /// overlaps the one before it.
    @inlinable @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        if a == b { return true }
        let ra = UnsafeRawPointer(a)
        let rb = UnsafeRawPointer(b)
        var i = 0
        while i + 8 < count {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        guard count >= 8 else { return (0..<count).allSatisfy { a[$0] == b[$0] } }
        return ra.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == rb.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
}
