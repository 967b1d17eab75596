public import JSON

/// A compute v1 schema value that writes itself with the discovery document's field names.
public protocol SchemaObject: Sendable {
    /// Appends this value as one JSON object.
    func write(to w: inout JSONWriter)
}

extension SchemaObject {
    /// This value as a JSON document.
    public var json: [UInt8] {
        var w = JSONWriter(reservingCapacity: 1024)
        write(to: &w)
        return w.take()
    }
}

extension JSONWriter {
    /// `"name": "<value>"` for a uint64/int64 field, which Google writes as a decimal string.
    mutating func int64String<I: BinaryInteger>(_ name: StaticString, _ value: I?) {
        if let value { member(name, String(value)) }
    }

    /// `"name": value` when present.
    mutating func member<I: BinaryInteger>(_ name: StaticString, ifPresent value: I?) {
        if let value { member(name, value) }
    }

    /// `"name": [ ...strings ]` when not empty.
    mutating func strings(_ name: StaticString, _ values: [String]) {
        guard !values.isEmpty else { return }
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// `"name": { "k": "v", ... }` when not empty (labels).
    mutating func stringMap(_ name: StaticString, _ values: [(key: String, value: String)]) {
        guard !values.isEmpty else { return }
        key(name)
        beginObject()
        for (k, v) in values {
            key(k)
            string(v)
        }
        endObject()
    }

    /// `"name": [ objects ]`, written even when empty (`items` of a list is omitted by callers instead).
    mutating func objects<T: SchemaObject>(_ name: StaticString, _ values: [T]) {
        key(name)
        beginArray()
        for value in values { value.write(to: &self) }
        endArray()
    }
}
