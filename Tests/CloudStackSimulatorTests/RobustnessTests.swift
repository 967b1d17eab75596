import Testing

@testable import CloudStackSimulator

/// Every command with missing, junk, extreme and foreign-owned values: always a well-formed CloudStack
/// answer (JSON, a known error code, HTTP status = errorcode), never a crash.
@Suite struct RobustnessTests {
    static let junk = ["", "x~ü ", "-1", "0", "99999999999999999999", "9223372036854775807", "true", "[]", "a,b,,c", "%zz"]

    func assertWellFormed(_ answer: Answer, _ command: Command, _ label: String) {
        guard let root = JSONValue.parse(answer.body)?.object else {
            Issue.record("\(command.name) \(label): body is not JSON: \(answer.text.prefix(200))")
            return
        }
        let allowed: Set<Int> = [200, 401, 429, 431, 432, 530, 531, 533, 534, 536, 537]
        #expect(allowed.contains(answer.status), "\(command.name) \(label): status \(answer.status)")
        if answer.status != 200 {
            let inner = root[command.responseName]?.object ?? root["errorresponse"]?.object
            #expect(inner?["errorcode"]?.int == Int64(answer.status), "\(command.name) \(label): \(answer.text.prefix(200))")
        }
    }

    @Test(arguments: CommandTable.list.map(\.name))
    func commandSurvivesBadInput(_ name: String) {
        let cloud = TestCloud(jobMillis: 0)
        guard let command = CommandTable.commands[name], let api = APIListing.commands[name] else {
            Issue.record("\(name) unknown")
            return
        }
        let paramNames = Array(api.params.keys).sorted()
        assertWellFormed(cloud.user1.call(name), command, "no parameters")
        for (index, value) in Self.junk.enumerated() {
            var params = paramNames.map { ($0, value) }
            params.append(("tags[0].key", value))
            params.append(("details[0].cpuNumber", value))
            let answer = cloud.user1.call(name, params)
            assertWellFormed(answer, command, "junk #\(index)")
            if answer.status == 200, let job = JSONValue.parse(answer.body)?.object?[command.responseName]?.object?["jobid"]?.string {
                let result = cloud.user1.call("queryAsyncJobResult", [("jobid", job)]).inner("queryasyncjobresultresponse")
                #expect([1, 2].contains(result["jobstatus"] as? Int ?? -1), "\(name) junk #\(index) job")
            }
        }
        // Another account's objects: user2 aims at user1's VM, volume and network by id.
        let vm = cloud.deploy(cloud.user1)
        let volume =
            (cloud.user1.call("listVolumes", [("virtualmachineid", vm)]).inner("listvolumesresponse")["volume"] as? [[String: Any]])?
            .first?["id"] as? String ?? ""
        let foreign = paramNames.map { p -> (String, String) in
            (p, p.contains("volume") ? volume : vm)
        }
        let answer = cloud.user2.call(name, foreign)
        assertWellFormed(answer, command, "foreign ids")
        if answer.status == 200, !command.isReadOnly, command.name != "login" {
            // Nothing of user1's may have changed state because of user2.
            let listed =
                cloud.user1.call("listVirtualMachines", [("id", vm)]).inner("listvirtualmachinesresponse")["virtualmachine"]
                as? [[String: Any]]
            #expect(listed?.first?["state"] as? String == "Running", "\(name): user2 changed user1's VM")
        }
    }
}
