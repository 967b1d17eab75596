import CloudStack
import CloudStackSimulator
import EC2
import GCE
import JSON
import Pipeline

/// Every fuzz target by name: the parsers that read bytes from outside (docs/reliability.md "Fuzzing").
enum Targets {
    static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "ec2-query": EC2.FuzzTargets.query,
        "ec2-signature-headers": EC2.FuzzTargets.signatureHeaders,
        "ec2-page-token": EC2.FuzzTargets.pageToken,
        "ec2-request": EC2RequestTarget.run,
        "gce-batch": GCE.FuzzTargets.batch,
        "gce-filter": GCE.FuzzTargets.filter,
        "gce-field-mask": GCE.FuzzTargets.fieldMask,
        "gce-oauth-form": GCE.FuzzTargets.oauthForm,
        "gce-sealed-token": GCE.FuzzTargets.sealedToken,
        "gce-jwt": GCE.FuzzTargets.jwt,
        "gce-router": GCE.FuzzTargets.router,
        "gce-body": GCE.FuzzTargets.body,
        "json": json,
        "cloudstack-response": cloudstackResponse,
        "simulator-intake": simulatorIntake,
    ]

    /// Any JSON document, walked to the end (request bodies, CloudStack answers, JWT parts).
    static func json(_ bytes: [UInt8]) {
        _ = try? JSONReader.read(bytes) { (r: inout JSONReader) throws(JSONError) in
            try r.skip()
            try r.finish()
        }
    }

    /// A CloudStack answer to listVirtualMachines, with the status in the first byte.
    static func cloudstackResponse(_ bytes: [UInt8]) {
        let status = 200 + Int(bytes.first ?? 0) % 400
        _ = try? ResponseDecoder.decode(CommandTable.listVirtualMachines, InboundResponse(status: status, body: Array(bytes.dropFirst())))
    }

    /// What the simulator reads from a client: the request target up to the first NUL, the body after it.
    static let simulator = Simulator(
        configuration: SimulatorConfiguration(jobDurationNanos: 0),
        clock: Clock(wallNanos: { 1_790_000_000_000_000_000 }, monotonicNanos: { 0 }, sleep: { _ in }))

    static func simulatorIntake(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let target = "/client/api?" + String(decoding: bytes[..<split], as: UTF8.self)
        let body = split < bytes.endIndex ? Array(bytes[(split + 1)...]) : []
        var headers = Headers()
        if !body.isEmpty { headers.add("Content-Type", "application/x-www-form-urlencoded") }
        _ = simulator.handle(Request(method: body.isEmpty ? .get : .post, uri: target, headers: headers, body: body))
    }
}
