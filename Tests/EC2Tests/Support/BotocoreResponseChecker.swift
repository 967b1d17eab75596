import EC2
import Foundation
import Pipeline
import TestSupport

/// Runs `check_ec2_responses.py` (botocore's parser and EC2 model) over rendered responses.
enum BotocoreResponseChecker {
    struct Checked {
        let parsed: [String: Any]
        let unknown: [String]
        let missing: [String]
        let root: String
        let error: EC2Error?
    }

    static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("check_ec2_responses.py").path
    }

    /// Checks every `(operation, response)` in one python run.
    /// `service` names another Query service's model (`sts`); EC2's by default.
    static func check(_ cases: [(String, Response)], service: String = "ec2") throws -> [Checked] {
        let input = cases.map {
            [
                "operation": $0.0, "status": $0.1.status, "body": Data($0.1.body).base64EncodedString(), "service": service,
            ] as [String: Any]
        }
        let script = try String(contentsOfFile: scriptPath, encoding: .utf8)
        let out = try Subprocess.python(script, input: try JSONSerialization.data(withJSONObject: input))
        guard let list = try JSONSerialization.jsonObject(with: out) as? [[String: Any]] else {
            throw Subprocess.Failure(description: "checker output is not a list")
        }
        return zip(cases, list).map { item, entry in
            let error = (entry["error"] as? [String: Any]).map {
                EC2Error(code: $0["Code"] as? String ?? "", message: $0["Message"] as? String ?? "", status: item.1.status)
            }
            return Checked(
                parsed: entry["parsed"] as? [String: Any] ?? [:], unknown: entry["unknown"] as? [String] ?? [],
                missing: entry["missing"] as? [String] ?? [], root: entry["root"] as? String ?? "", error: error)
        }
    }
}
