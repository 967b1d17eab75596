/// Rows keyed by UUID that remember insertion order, so lists come out in creation order.
struct Table<Row: Sendable>: Sendable {
    private(set) var rows: [String: Row] = [:]
    private var order: [String] = []
    private var removedCount = 0

    /// The row with this UUID.
    subscript(_ id: String) -> Row? {
        get { rows[id] }
        set {
            if let newValue {
                if rows.updateValue(newValue, forKey: id) == nil { order.append(id) }
            } else if rows.removeValue(forKey: id) != nil {
                removedCount += 1
                if removedCount > 64 && removedCount > order.count / 2 { compact() }
            }
        }
    }

    /// Every row in creation order.
    var all: [Row] {
        var out: [Row] = []
        out.reserveCapacity(rows.count)
        for id in order { if let row = rows[id] { out.append(row) } }
        return out
    }

    /// The rows that satisfy `isIncluded`, in creation order; rows that do not match are never copied.
    func filter(_ isIncluded: (Row) throws -> Bool) rethrows -> [Row] {
        var out: [Row] = []
        for id in order {
            guard let index = rows.index(forKey: id) else { continue }
            if try isIncluded(rows.values[index]) { out.append(rows.values[index]) }
        }
        return out
    }

    /// The ids of the rows that satisfy `isIncluded`, in creation order, without copying any row.
    func ids(where isIncluded: (Row) throws -> Bool) rethrows -> [String] {
        var out: [String] = []
        for id in order {
            guard let index = rows.index(forKey: id) else { continue }
            if try isIncluded(rows.values[index]) { out.append(id) }
        }
        return out
    }

    /// Some row for which `body` gives a value, with that value, in no particular order and without copying the
    /// rows (for look-ups by something unique, such as a NIC's id on its VM).
    func firstValue<Value>(_ body: (Row) throws -> Value?) rethrows -> (row: Row, value: Value)? {
        for row in rows.values {
            if let value = try body(row) { return (row, value) }
        }
        return nil
    }

    /// How many rows there are.
    var count: Int { rows.count }

    /// Applies `body` to every row in place.
    mutating func updateAll(_ body: (inout Row) -> Void) {
        for id in order {
            guard var row = rows[id] else { continue }
            body(&row)
            rows[id] = row
        }
    }

    private mutating func compact() {
        order.removeAll { rows[$0] == nil }
        removedCount = 0
    }
}
