import Foundation
import TestSupport

/// Validates response bodies against the compute v1 discovery schemas with `validate_schema.py`, in one batch.
final class SchemaValidator: @unchecked Sendable {
    private var lines: [Data] = []
    private let lock = NSLock()

    /// Queues `body` to be checked as `schema`.
    func add(_ schema: String, _ body: [UInt8], label: String) {
        let object: [String: Any] = [
            "schema": schema, "label": label,
            "body": (try? JSONSerialization.jsonObject(with: Data(body))) ?? "unparseable: \(String(decoding: body, as: UTF8.self))",
        ]
        guard let line = try? JSONSerialization.data(withJSONObject: object) else { return }
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    /// Runs the validator; returns its problems (empty when everything conforms).
    func problems() throws -> [String] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("validate_schema.py")
        var data = Data()
        for line in lines {
            data.append(line)
            data.append(0x0A)
        }
        let outcome = try Subprocess.run("python3", [script.path], input: data)
        let out = outcome.stdout
        let text = String(decoding: out, as: UTF8.self)
        var problems = text.split(separator: "\n").map(String.init)
        if outcome.status != 0 && problems.isEmpty { problems.append("validator exited \(outcome.status): \(outcome.errors)") }
        return problems
    }

    /// How many documents are queued.
    var count: Int { lines.count }
}
