public import JSON

/// A typed CloudStack command: its descriptor plus how to decode the object inside `{"<r>": …}`.
public protocol CloudStackCommand: Sendable {
    /// The decoded result.
    associatedtype Result: Sendable
    /// Name, async flag, response key, result name, idempotence.
    var descriptor: CommandDescriptor { get }
    /// Decodes the value of the response key; `nil` when the expected result object is missing.
    func decodeResult(from reader: inout JSONReader) throws(JSONError) -> Result?
}

/// A page of a list command: `count` is CloudStack's total number of matching rows, not the page length.
public struct ListPage<Item: Sendable>: Sendable {
    /// The total row count, absent when the list is empty.
    public var count: Int64?
    /// The rows on this page.
    public var items: [Item]

    /// Creates a page.
    public init(count: Int64?, items: [Item]) {
        self.count = count
        self.items = items
    }
}

extension ListPage: Equatable where Item: Equatable {}

/// A command answering `{"<r>":{"count":N,"<item>":[…]}}` (or `{"<r>":{}}` when empty).
public struct ListCommand<Item: CloudStackDecodable>: CloudStackCommand {
    /// The command's descriptor.
    public let descriptor: CommandDescriptor

    /// A list command whose rows are named `item`.
    public init(_ name: String, item: String) {
        descriptor = CommandDescriptor(name, isAsync: false, resultName: item)
    }

    /// Reads `count` and the rows; other members are skipped.
    public func decodeResult(from reader: inout JSONReader) throws(JSONError) -> ListPage<Item>? {
        var page = ListPage<Item>(count: nil, items: [])
        let itemName = descriptor.resultName ?? ""
        try reader.beginObject()
        while let key = try reader.nextKey() {
            if "count" ~= key {
                page.count = try reader.integer()
            } else if key.matches(itemName) {
                page.items = try reader.objects(Item.self)
            } else {
                try reader.skip()
            }
        }
        return page
    }
}

/// A command answering one named object: `{"<r>":{"<object>":{…}}}`.
public struct ObjectCommand<Item: CloudStackDecodable>: CloudStackCommand {
    /// The command's descriptor.
    public let descriptor: CommandDescriptor

    /// An object command whose result is named `object`.
    public init(_ name: String, object: String) {
        descriptor = CommandDescriptor(name, isAsync: false, resultName: object)
    }

    /// Reads the named object; `nil` if absent.
    public func decodeResult(from reader: inout JSONReader) throws(JSONError) -> Item? {
        try reader.namedObject(descriptor.resultName ?? "", Item.self)
    }
}

/// A command whose result is the wrapper's value itself: `{"<r>":{"success":true}}`, queryAsyncJobResult.
public struct InlineCommand<Item: CloudStackDecodable>: CloudStackCommand {
    /// The command's descriptor.
    public let descriptor: CommandDescriptor

    /// An inline-result command.
    public init(_ name: String) {
        descriptor = CommandDescriptor(name, isAsync: false, resultName: nil)
    }

    /// Reads the object itself.
    public func decodeResult(from reader: inout JSONReader) throws(JSONError) -> Item? {
        guard try reader.nextKind() == .object else {
            try reader.skip()
            return nil
        }
        return try Item.decode(from: &reader)
    }
}

/// An asynchronous command: answers `{"<r>":{"jobid":…}}` (plus `id` for create commands) at once; the job's
/// `jobresult` later holds `{"<object>":{…}}`, or `{"success":true}` when `jobResultName` is `nil`.
public struct AsyncCommand<Output: CloudStackDecodable>: CloudStackCommand {
    /// The command's descriptor (`resultName` is the job result's object name).
    public let descriptor: CommandDescriptor

    /// An async command whose job result object is named `jobResult` (`nil`: a success response).
    public init(_ name: String, jobResult: String?) {
        descriptor = CommandDescriptor(name, isAsync: true, resultName: jobResult)
    }

    /// Reads the job id and the new entity's id.
    public func decodeResult(from reader: inout JSONReader) throws(JSONError) -> AsyncJobReceipt? {
        let receipt = try AsyncJobReceipt.decode(from: &reader)
        return receipt.jobid.isEmpty ? nil : receipt
    }
}

extension JSONReader {
    /// Finds member `name` of the object at the cursor and decodes it; other members are skipped.
    mutating func namedObject<T: CloudStackDecodable>(_ name: String, _ type: T.Type) throws(JSONError) -> T? {
        guard try nextKind() == .object else {
            try skip()
            return nil
        }
        var found: T?
        try beginObject()
        while let key = try nextKey() {
            if found == nil, key.matches(name), try nextKind() == .object {
                found = try T.decode(from: &self)
            } else {
                try skip()
            }
        }
        return found
    }
}
