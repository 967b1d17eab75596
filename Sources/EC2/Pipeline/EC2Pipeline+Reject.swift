public import Pipeline

extension EC2Pipeline {
    /// An EC2 XML error for a request the stages refused before the phases ran (431 headers too
    /// large, 503 overloaded), so EC2 clients get a body they can parse and retry on.
    public func reject(_ request: Request, status: Int, requestID: String) -> Response {
        let error: EC2Error =
            switch status {
            case 503: .unavailable("The service is overloaded. Please try again shortly.")
            case 413, 431: EC2Error(code: "InvalidRequest", message: "The request is too large.", status: status)
            case 408: EC2Error(code: "RequestTimeout", message: "The request timed out.", status: status)
            default: EC2Error(code: "InvalidRequest", message: "The request was refused.", status: status)
            }
        return ErrorDocument.response(error, requestID: requestID)
    }
}
