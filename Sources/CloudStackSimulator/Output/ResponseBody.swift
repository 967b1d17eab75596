import JSON
import Pipeline

/// Writes the bodies every command shares: errors, inline async replies, success objects.
enum ResponseBody {
    static let jsonType = "application/json; charset=UTF-8"

    /// `{"<r>":{"uuidList":[],"errorcode":N,["cserrorcode":M,]"errortext":"…"}}` with HTTP status N.
    static func error(_ error: APIError, responseName: String?) -> Response {
        var w = JSONWriter(reservingCapacity: 256)
        w.beginObject()
        w.key(error.usesErrorResponse ? "errorresponse" : (responseName ?? "errorresponse"))
        w.beginObject()
        w.key("uuidList"); w.beginArray(); w.endArray()
        w.member("errorcode", error.code)
        if let cs = error.csCode { w.member("cserrorcode", cs) }
        w.member("errortext", error.text)
        w.endObject()
        w.endObject()
        var response = json(error.code, w.take())
        response.headers.add("X-Description", error.text)
        return response
    }

    /// A JSON response with CloudStack's content type and security headers.
    static func json(_ status: Int, _ body: [UInt8]) -> Response {
        Response(
            status: status,
            headers: Headers([
                ("Content-Type", jsonType), ("X-Content-Type-Options", "nosniff"), ("X-XSS-Protection", "1;mode=block"),
            ]), body: body)
    }

    /// The minimal XML body answered when `response` is not `json` (the simulator speaks JSON only).
    static func xml(status: Int, responseName: String, code: Int?, text: String) -> Response {
        var body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(responseName) cloud-stack-version=\"4.18.0.0\">"
        if let code { body += "<errorcode>\(code)</errorcode>" }
        body += "<errortext>\(escapeXML(text))</errortext></\(responseName)>"
        return Response(status: status, headers: Headers([("Content-Type", "text/xml; charset=UTF-8")]), body: Array(body.utf8))
    }

    private static func escapeXML(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
