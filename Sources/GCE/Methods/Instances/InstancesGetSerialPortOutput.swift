import Pipeline

/// `compute.instances.getSerialPortOutput` [listVirtualMachines]: CloudStack 4.18 keeps no console log, so the
/// output is always empty (`contents: ""`, which the schema allows); `start` and `next` say where it would continue.
enum InstancesGetSerialPortOutput: GCEMethod {
    static let id = "compute.instances.getSerialPortOutput"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/serialPort"

    /// The instance, `port` (1-4, default 1) and `start` (a byte position; negative counts back from the end).
    struct Input: Sendable {
        let target: ZonalResourceInput
        let port: Int
        let start: Int64
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        var port = 1
        if let text = request.query["port"] {
            guard let value = Int(text), (1...4).contains(value) else {
                throw GCEError.invalid("Invalid value for field 'port': '\(text.prefix(32))'. Must be between 1 and 4")
            }
            port = value
        }
        var start: Int64 = 0
        if let text = request.query["start"], !text.isEmpty {
            guard let value = Int64(text) else { throw GCEError.invalid("Invalid value for field 'start': '\(text.prefix(32))'") }
            start = value
        }
        return Input(target: target, port: port, start: start)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> SerialPortOutput {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        // No output was ever written: a negative start (the last N bytes) is the beginning, and a start past the
        // end is answered as given with nothing read, as GCE does for output not written yet.
        let start = max(input.start, 0)
        return SerialPortOutput(
            contents: "", start: start, next: start,
            selfLink: context.links.instance(zone.name, vm.name) + "/serialPort")
    }
}
