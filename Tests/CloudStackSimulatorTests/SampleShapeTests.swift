import Foundation
import Testing

@testable import CloudStackSimulator

/// Compares the simulator's shapes with real CloudStack responses captured by ec2stack and gstack.
@Suite struct SampleShapeTests {
    /// A sample: wrapper, the object name inside (list item or job result object) and its objects.
    struct Sample {
        let file: String
        let wrapper: String
        let objectName: String
        let objects: [[String: JSONValue]]
    }

    static func loadSamples() -> [Sample] {
        var out: [Sample] = []
        for folder in ["ec2stack", "gstack"] {
            let dir = APIListing.samples.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                guard let data = try? Data(contentsOf: dir.appendingPathComponent(file)),
                    let root = try? JSONDecoder().decode(JSONValue.self, from: data).object,
                    let (wrapper, value) = root.first, var inner = value.object
                else { continue }
                if inner["errorcode"] != nil { continue }
                var wrapperName = wrapper
                if wrapper == "queryasyncjobresultresponse" {
                    guard let result = inner["jobresult"]?.object, result["errorcode"] == nil, result["success"] == nil,
                        let commandClass = inner["cmd"]?.string.map({ String($0.split(separator: ".").last ?? "") }),
                        let command = CommandTable.list.first(where: { JavaClass.name($0, admin: false).hasSuffix("." + commandClass) })
                    else { continue }
                    // A job sample is compared as the response of the command that ran it.
                    wrapperName = command.responseName
                    inner = result
                }
                for (key, value) in inner where key != "count" {
                    if let list = value.array {
                        out.append(
                            Sample(file: "\(folder)/\(file)", wrapper: wrapperName, objectName: key, objects: list.compactMap(\.object)))
                    } else if let object = value.object {
                        out.append(Sample(file: "\(folder)/\(file)", wrapper: wrapperName, objectName: key, objects: [object]))
                    }
                }
            }
        }
        return out
    }

    /// Fields a sample may show that the simulator leaves out on purpose (host/storage statistics it does not model,
    /// or fields that only appear in states the walk does not reach).
    static let notModelled: Set<String> = [
        "networkkbsread", "networkkbswrite", "diskkbsread", "diskkbswrite", "diskioread", "diskiowrite", "cpuused",
        "hostid", "hostname", "isoid", "isoname", "isodisplaytext", "publicip", "publicipid", "password", "keypair", "keypairs",
        "group", "groupid", "vmname", "vmdisplayname", "vmstate", "virtualmachineid", "deviceid", "attached", "storage",
        "path", "serviceofferingid", "serviceofferingname", "serviceofferingdisplaytext", "templateid", "templatename",
        "templatedisplaytext", "snapshotid", "status", "checksum", "removed", "sourcetemplateid", "url", "details",
        "projectid", "project", "displaytext", "jobid", "jobstatus", "vmtype", "isolatedpvlan", "isolatedpvlantype",
        "ip6address", "ip6cidr", "ip6gateway", "vlanid", "vlanname", "purpose", "virtualmachinename", "virtualmachinedisplayname",
        "vmipaddress", "associatednetworkid", "associatednetworkname", "networkid", "vpcid", "vpcname", "domainpath",
        "physicalsize", "virtualsize", "utilization", "size", "zoneid", "zonename", "cidr", "account", "domain", "domainid",
        "networkdomain", "startport", "endport", "icmptype", "icmpcode", "securitygroupname", "ostypeid",
    ]

    /// Samples whose object name changed since the recording (pre-4.x camel case, etc.).
    static let renamed: Set<String> = ["privateKey", "crosszones", "keypair"]

    @Test func sampleShapesMatchTheSimulator() {
        let walk = FidelityWalk()
        walk.walk()
        var ours: [String: Set<String>] = [:]
        var oursByWrapper: [String: Set<String>] = [:]
        var namesByWrapper: [String: Set<String>] = [:]
        for (command, list) in walk.objects {
            for entry in list {
                ours[entry.name, default: []].formUnion(entry.object.keys)
                oursByWrapper[command.lowercased() + "response/" + entry.name, default: []].formUnion(entry.object.keys)
                namesByWrapper[command.lowercased() + "response", default: []].insert(entry.name)
            }
        }
        let samples = Self.loadSamples()
        #expect(samples.count > 40, "samples not found under \(APIListing.samples.path)")
        for sample in samples {
            // Same wrapper, same object name: for every command we implement, the list item or object is named the same.
            if let names = namesByWrapper[sample.wrapper] {
                #expect(names.contains(sample.objectName), "\(sample.file): \(sample.wrapper) holds \(sample.objectName), ours \(names)")
            }
            // listApis declares rule fields for authorize*, but the real jobresult (and the sample) is a SecurityGroupResponse.
            let wrapper = sample.wrapper.hasPrefix("authorizesecuritygroup") ? "listsecuritygroupsresponse" : sample.wrapper
            let command = APIListing.commands.values.first { $0.name.lowercased() + "response" == wrapper }
            // Only objects of commands we implement are compared (a VM snapshot is not a volume snapshot).
            guard namesByWrapper[sample.wrapper] != nil else { continue }
            guard let ourKeys = oursByWrapper[sample.wrapper + "/" + sample.objectName].map({ $0.union(ours[sample.objectName] ?? []) })
            else {
                if namesByWrapper[sample.wrapper] != nil { Issue.record("\(sample.file): we never produced a \(sample.objectName)") }
                continue
            }
            for object in sample.objects {
                let keys = Set(object.keys)
                if let command {
                    let declared = Set(command.response.keys)
                    let undeclared = keys.subtracting(declared).subtracting(Self.renamed)
                    #expect(undeclared.isEmpty, "\(sample.file): sample keys not in listApis \(undeclared.sorted())")
                }
                let uncovered = keys.subtracting(ourKeys).subtracting(Self.notModelled).subtracting(Self.renamed)
                #expect(uncovered.isEmpty, "\(sample.file): \(sample.objectName) keys we never write \(uncovered.sorted())")
            }
        }
    }

    @Test func checkerRejectsUnknownFieldsAndWrongTypes() {
        let fields = APIListing.commands["listVirtualMachines"]?.response ?? [:]
        #expect(!APIListing.check(["bogus": .int(1)], against: fields, path: "x").isEmpty)
        #expect(!APIListing.check(["memory": .string("512")], against: fields, path: "x").isEmpty)
        #expect(!APIListing.check(["nic": .array([.object(["nope": .bool(true)])])], against: fields, path: "x").isEmpty)
        #expect(
            APIListing.check(["memory": .int(512), "nic": .array([.object(["deviceid": .string("0")])])], against: fields, path: "x")
                .isEmpty)
    }
}
