public import Pipeline

/// Writes EC2's XML error body, the one shape every EC2 error takes on the wire.
///
///     <?xml version="1.0" encoding="UTF-8"?>
///     <Response><Errors><Error><Code>…</Code><Message>…</Message></Error></Errors><RequestID>…</RequestID></Response>
///
/// `RequestID` (capital ID) is what EC2 sends and what botocore's `EC2QueryParser` reads for errors.
public enum ErrorDocument {
    /// The content type EC2 answers errors with.
    public static let contentType = "text/xml;charset=UTF-8"

    /// The XML body bytes for `error`.
    public static func body(_ error: EC2Error, requestID: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + error.message.utf8.count)
        out.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: "<Response><Errors><Error><Code>".utf8)
        XMLText.append(error.code, to: &out)
        out.append(contentsOf: "</Code><Message>".utf8)
        XMLText.append(error.message, to: &out)
        out.append(contentsOf: "</Message></Error></Errors><RequestID>".utf8)
        XMLText.append(requestID, to: &out)
        out.append(contentsOf: "</RequestID></Response>".utf8)
        return out
    }

    /// The complete response for `error`: its status, content type and body.
    public static func response(_ error: EC2Error, requestID: String) -> Response {
        Response(status: error.status, headers: Headers([("Content-Type", contentType)]), body: body(error, requestID: requestID))
    }
}
