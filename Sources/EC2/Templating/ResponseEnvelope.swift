/// The EC2 Query response envelope, written in this one place for every action and every error.
///
/// Success: `<{Action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>…</requestId>…body…</{Action}Response>`.
/// Error: `<Response><Errors><Error><Code>…</Code><Message>…</Message></Error></Errors><RequestID>…</RequestID></Response>`,
/// the shape botocore's EC2 parser reads errors from.
public enum ResponseEnvelope {
    /// The EC2 API version whose namespace every response carries.
    public static let namespace = "http://ec2.amazonaws.com/doc/2016-11-15/"

    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// The bytes before the request id: declaration, root element with namespace, `<requestId>`.
    static func successHead(action: String) -> [UInt8] {
        Array("\(xmlDeclaration)<\(action)Response xmlns=\"\(namespace)\"><requestId>".utf8)
    }

    /// The bytes between the request id and the body.
    static let successAfterRequestID = Array("</requestId>".utf8)

    /// The closing root element.
    static func successTail(action: String) -> [UInt8] {
        Array("</\(action)Response>".utf8)
    }

    /// Whether `action` can name an element: EC2 action names are ASCII letters and digits.
    static func isValidAction(_ action: String) -> Bool {
        guard let first = action.utf8.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        return action.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// Appends the error document for `code` and `message`; both are escaped.
    public static func appendError(code: String, message: String, requestID: String, to out: inout [UInt8]) {
        out.append(contentsOf: errorHead)
        XMLText.appendEscaped(code, to: &out)
        out.append(contentsOf: errorAfterCode)
        XMLText.appendEscaped(message, to: &out)
        out.append(contentsOf: errorAfterMessage)
        XMLText.appendEscaped(requestID, to: &out)
        out.append(contentsOf: errorTail)
    }

    /// The error document for `code` and `message` as new bytes.
    public static func error(code: String, message: String, requestID: String) -> [UInt8] {
        var out: [UInt8] = []
        appendError(code: code, message: message, requestID: requestID, to: &out)
        return out
    }

    private static let errorHead = Array("\(xmlDeclaration)<Response><Errors><Error><Code>".utf8)
    private static let errorAfterCode = Array("</Code><Message>".utf8)
    private static let errorAfterMessage = Array("</Message></Error></Errors><RequestID>".utf8)
    private static let errorTail = Array("</RequestID></Response>".utf8)
}
