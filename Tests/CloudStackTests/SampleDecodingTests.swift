import CloudStack
import Foundation
import JSON
import Pipeline
import TestSupport
import Testing

/// Decodes a list sample with `command` and compares every row with Foundation's parse.
private func checkList<Item>(_ command: ListCommand<Item>, _ bytes: [UInt8], _ inner: [String: Any], _ name: String) throws -> Int {
    let page = try ResponseDecoder.decode(command, InboundResponse(status: 200, body: bytes))
    let itemName = try #require(command.descriptor.resultName)
    let expectedRows: [[String: Any]] = (inner[itemName] as? [[String: Any]]) ?? []
    #expect(page.items.count == expectedRows.count, "\(name) rows")
    #expect(page.count == (inner["count"] as? NSNumber)?.int64Value, "\(name) count")
    var compared = 0
    for (index, (item, row)) in zip(page.items, expectedRows).enumerated() {
        compared += expectMatches(item, row, "\(name)[\(index)]")
    }
    return compared
}

private func checkObject<T: CloudStackDecodable>(_ type: T.Type, _ object: Any?, _ name: String) throws -> Int {
    let json = try #require(object as? [String: Any], "\(name)")
    let data = try JSONSerialization.data(withJSONObject: json)
    let model = try JSONReader.read(Array(data)) { (r: inout JSONReader) throws(JSONError) -> T in try T.decode(from: &r) }
    return expectMatches(model, json, name)
}

/// Decodes a job's typed result by the object name inside `jobresult`.
private func checkJobResult(_ job: AsyncJob, _ jobresult: [String: Any], _ name: String) throws -> Int {
    guard let (key, value) = jobresult.first, jobresult.count == 1, value is [String: Any] else { return 0 }
    func typed<T: CloudStackDecodable>(_ type: T.Type) throws -> Int {
        let model = try #require(try job.result(T.self, named: key), "\(name) jobresult.\(key)")
        return expectMatches(model, try #require(value as? [String: Any]), "\(name).jobresult.\(key)")
    }
    switch key {
    case "virtualmachine": return try typed(VirtualMachine.self)
    case "volume": return try typed(Volume.self)
    case "securitygroup": return try typed(SecurityGroup.self)
    case "vpc": return try typed(VPC.self)
    case "snapshot": return try typed(Snapshot.self)
    default:
        Issue.record("\(name): unhandled job result \(key)")
        return 0
    }
}

@Test(arguments: try Fixtures.allSamples().map(\.name))
func sampleDecodesToMatchingModels(_ name: String) throws {
    let bytes = try Fixtures.sample(name)
    let root = try foundationObject(bytes)
    let file = String(name.split(separator: "/").last ?? "")
    var compared = 0
    if root.count == 1, let (key, value) = root.first, let inner = value as? [String: Any] {
        if let errorcode = inner["errorcode"] as? NSNumber {
            // An error body: HTTP status equals errorcode (docs/cloudstack-reference.md §2.1).
            let status = errorcode.intValue
            let error = ResponseDecoder.error(status: status, body: bytes)
            let expected = APIFailure(
                status: status, errorcode: status, cserrorcode: (inner["cserrorcode"] as? NSNumber)?.intValue,
                errortext: inner["errortext"] as? String ?? "")
            #expect(error == (status == 429 ? .throttled(expected) : .api(expected)))
            #expect(!expected.errortext.isEmpty)
            return
        }
        switch key {
        case "listvirtualmachinesresponse": compared = try checkList(CommandTable.listVirtualMachines, bytes, inner, name)
        case "listtemplatesresponse": compared = try checkList(CommandTable.listTemplates, bytes, inner, name)
        case "listvolumesresponse": compared = try checkList(CommandTable.listVolumes, bytes, inner, name)
        case "listsshkeypairsresponse": compared = try checkList(CommandTable.listSSHKeyPairs, bytes, inner, name)
        case "listsecuritygroupsresponse": compared = try checkList(CommandTable.listSecurityGroups, bytes, inner, name)
        case "listzonesresponse": compared = try checkList(CommandTable.listZones, bytes, inner, name)
        case "listdiskofferingsresponse": compared = try checkList(CommandTable.listDiskOfferings, bytes, inner, name)
        case "listtagsresponse": compared = try checkList(CommandTable.listTags, bytes, inner, name)
        case "listvpcsresponse": compared = try checkList(CommandTable.listVPCs, bytes, inner, name)
        case "listaccountsresponse": compared = try checkList(CommandTable.listAccounts, bytes, inner, name)
        case "listregionsresponse": compared = try checkList(CommandTable.listRegions, bytes, inner, name)
        case "listserviceofferingsresponse": compared = try checkList(CommandTable.listServiceOfferings, bytes, inner, name)
        case "listvmsnapshotresponse":
            compared = try checkList(ListCommand<Snapshot>("listVMSnapshot", item: "snapshot"), bytes, inner, name)
        case "listcapabilitiesresponse":
            let caps = try ResponseDecoder.decode(CommandTable.listCapabilities, InboundResponse(status: 200, body: bytes))
            compared = expectMatches(caps, try #require(inner["capability"] as? [String: Any]), name)
        case "createsshkeypairresponse", "registersshkeypairresponse":
            let pair = try ResponseDecoder.decode(CommandTable.createSSHKeyPair, InboundResponse(status: 200, body: bytes))
            compared = expectMatches(pair, try #require(inner["keypair"] as? [String: Any]), name)
        case "createsecuritygroupresponse":
            let group = try ResponseDecoder.decode(CommandTable.createSecurityGroup, InboundResponse(status: 200, body: bytes))
            compared = expectMatches(group, try #require(inner["securitygroup"] as? [String: Any]), name)
        case "getvmpasswordresponse":
            let password = try ResponseDecoder.decode(CommandTable.getVMPassword, InboundResponse(status: 200, body: bytes))
            compared = expectMatches(password, try #require(inner["password"] as? [String: Any]), name)
        case "deletesshkeypairresponse", "deletesecuritygroupresponse", "deletevolumeresponse":
            let success = try ResponseDecoder.decode(CommandTable.deleteVolume, InboundResponse(status: 200, body: bytes))
            #expect(success.success)
            return
        case "deployvirtualmachineresponse", "destroyvirtualmachineresponse":
            let receipt = try ResponseDecoder.decode(CommandTable.deployVirtualMachine, InboundResponse(status: 200, body: bytes))
            #expect(receipt.jobid == inner["jobid"] as? String)
            #expect(receipt.id == inner["id"] as? String)
            return
        case "queryasyncjobresultresponse":
            let job = try ResponseDecoder.decode(CommandTable.queryAsyncJobResult, InboundResponse(status: 200, body: bytes))
            compared = expectMatches(job, inner, name)
            #expect(job.status?.rawValue == (inner["jobstatus"] as? NSNumber)?.int64Value)
            if let jobresult = inner["jobresult"] as? [String: Any] {
                if job.status == .failed {
                    let failure = try #require(job.failure)
                    #expect(failure.errorcode == (jobresult["errorcode"] as? NSNumber)?.int64Value)
                    #expect(failure.errortext == jobresult["errortext"] as? String)
                } else if jobresult["success"] != nil {
                    #expect(job.success?.success == true)
                } else {
                    compared += try checkJobResult(job, jobresult, name)
                }
            } else {
                #expect(job.status == .inProgress)
            }
        default:
            Issue.record("no decoder for \(key) in \(name)")
        }
    } else {
        // Bare objects: a single resource as the predecessor projects stored it.
        switch file {
        case "disk_offering_search.json": compared = try checkObject(DiskOffering.self, root, name)
        case "revoke_security_group_search.json", "valid_get_security_group.json":
            compared = try checkObject(SecurityGroup.self, root, name)
        case "service_offering_search.json", "valid_get_service_offering.json": compared = try checkObject(ServiceOffering.self, root, name)
        case "zones_search.json", "valid_get_zone.json": compared = try checkObject(Zone.self, root, name)
        case "valid_get_instance_by_id.json", "valid_get_instance.json": compared = try checkObject(VirtualMachine.self, root, name)
        case "valid_get_account.json": compared = try checkObject(Account.self, root, name)
        case "valid_get_image.json": compared = try checkObject(Template.self, root, name)
        case "service_offerings_search.json":
            for (index, row) in ((root["serviceoffering"] as? [Any]) ?? []).enumerated() {
                compared += try checkObject(ServiceOffering.self, row, "\(name)[\(index)]")
            }
        default:
            Issue.record("no decoder for \(name)")
        }
    }
    // Empty lists compare nothing; everything else must have had real fields to compare.
    if !file.hasPrefix("empty_") && !file.contains("not_found") && !file.contains("pending") {
        #expect(compared > 0, "\(name): no field compared")
    }
}
