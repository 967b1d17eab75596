import Pipeline

/// An error of an STS request: written in STS's Query error shape (`ErrorResponse`), not EC2's.
struct STSError: Error, Sendable {
    /// The error as the EC2 phases raised it.
    let error: EC2Error

    /// The STS code: an unknown access key is STS's `InvalidClientTokenId` (EC2 says `AuthFailure`).
    var code: String { error.code == "AuthFailure" ? "InvalidClientTokenId" : error.code }

    /// The HTTP status: 403 for credential errors, as STS answers them.
    var status: Int { code == "InvalidClientTokenId" ? 403 : error.status }

    /// Runs `body`, turning anything it throws into an `STSError`.
    static func wrapping<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw STSError(error: EC2Pipeline.ec2Error(error)) }
    }

    /// Like `wrapping`, for synchronous work.
    static func wrapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw STSError(error: EC2Pipeline.ec2Error(error)) }
    }

    /// The complete response:
    ///
    ///     <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>…</Code>
    ///     <Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>
    func response(requestID: String) -> Response {
        var out: [UInt8] = []
        out.reserveCapacity(256 + error.message.utf8.count)
        out.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
        out.append(contentsOf: "\n<ErrorResponse xmlns=\"\(GetCallerIdentity.namespace)\"><Error><Type>".utf8)
        out.append(contentsOf: (status >= 500 ? "Receiver" : "Sender").utf8)
        out.append(contentsOf: "</Type><Code>".utf8)
        XMLText.append(code, to: &out)
        out.append(contentsOf: "</Code><Message>".utf8)
        XMLText.append(error.message, to: &out)
        out.append(contentsOf: "</Message></Error><RequestId>".utf8)
        XMLText.append(requestID, to: &out)
        out.append(contentsOf: "</RequestId></ErrorResponse>".utf8)
        return Response(status: status, headers: Headers([("Content-Type", EC2Pipeline.contentType)]), body: out)
    }
}
