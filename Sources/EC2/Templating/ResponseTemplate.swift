/// One action's compiled response: its body template inside the EC2 envelope.
public struct ResponseTemplate<Model>: Sendable {
    /// The EC2 action name, e.g. `DescribeInstances`.
    public let action: String
    /// The compiled body, `actions/<action>`.
    public let body: CompiledTemplate<Model>
    private let head: [UInt8]
    private let tail: [UInt8]

    init(action: String, body: CompiledTemplate<Model>) {
        self.action = action
        self.body = body
        head = ResponseEnvelope.successHead(action: action)
        tail = ResponseEnvelope.successTail(action: action)
    }

    /// Appends the whole response document for `model` to `out`.
    public func render(_ model: Model, requestID: String, into out: inout [UInt8]) {
        out.append(contentsOf: head)
        XMLText.append(requestID, to: &out)
        out.append(contentsOf: ResponseEnvelope.successAfterRequestID)
        body.render(model, into: &out)
        out.append(contentsOf: tail)
    }

    /// The whole response document for `model` as new bytes.
    public func render(_ model: Model, requestID: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(head.count + tail.count + 1024)
        render(model, requestID: requestID, into: &out)
        return out
    }
}
