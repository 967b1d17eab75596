import CloudStack
import EC2
import JSON
import Logging
import Pipeline

/// The two API pipelines as responders, plus the front end's refusals in each API's own format.
///
/// The EC2 and GCE pipelines are being built (issues 5 and 6); until each lands, its API answers
/// every request with its own well-formed "not implemented" error rather than HTML or a crash.
struct APIs: Sendable {
    let ec2: any Responder
    let gce: any Responder

    init(settings: Settings, client: CloudStackClient, publicURL: String, logger: Logger) throws {
        ec2 = ClosureResponder { _, context in
            ErrorDocument.response(EC2Error(code: "UnsupportedOperation", message: "The EC2 API is not available yet.", status: 400), requestID: context.requestID)
        }
        gce = ClosureResponder { _, _ in
            APIs.gceError(status: 501, reason: "notImplemented", message: "The GCE API is not available yet.")
        }
    }

    /// A front-end refusal (431 headers too large, 503 overloaded) in the request's API format.
    func reject(_ request: Request, status: Int, router: Router) -> Response {
        let message = status == 503 ? "The service is overloaded; retry later." : "Request header fields too large."
        switch router.api(for: request) {
        case .ec2:
            let code = status == 503 ? "Unavailable" : "InvalidRequest"
            return ErrorDocument.response(EC2Error(code: code, message: message, status: status), requestID: "")
        case .gce:
            return APIs.gceError(status: status, reason: status == 503 ? "backendError" : "badRequest", message: message)
        case .none:
            return Response.text(status, message + "\n")
        }
    }

    /// Google's JSON error body.
    static func gceError(status: Int, reason: String, message: String) -> Response {
        var writer = JSONWriter(reservingCapacity: 256)
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.member("code", status)
        writer.member("message", message)
        writer.key("errors")
        writer.beginArray()
        writer.beginObject()
        writer.member("domain", "global")
        writer.member("reason", reason)
        writer.member("message", message)
        writer.endObject()
        writer.endArray()
        writer.endObject()
        writer.endObject()
        return Response(status: status, headers: Headers([("Content-Type", "application/json; charset=UTF-8")]), body: writer.take())
    }
}
