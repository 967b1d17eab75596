/// The EC2 Query success envelope, written in this one place for every action's template.
///
///     <?xml version="1.0" encoding="UTF-8"?>
///     <{Action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>…</requestId>…body…</{Action}Response>
///
/// Errors have their own fixed document, `ErrorDocument` (`Response/Errors/Error/Code,Message` + `RequestID`).
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
}
