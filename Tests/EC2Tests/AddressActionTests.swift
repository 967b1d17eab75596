import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// DescribeAddresses: CloudStack public IPs other than source NAT, as Elastic IPs.
@Suite struct AddressActionTests {
    @Test func listsAllocatedAddressesButNotSourceNAT() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let credentials = InstanceActionTests.userCredentials(cloud)
        let empty = try await cloud.call("DescribeAddresses")
        #expect((empty["Addresses"] as? [[String: Any]] ?? []).isEmpty)
        let networks = try await cloud.client.listAll(CommandTable.listNetworks, Parameters(), as: credentials)
        let network = try #require(networks.first { $0.type == "Isolated" }?.id)
        let address = try await cloud.client.run(CommandTable.associateIpAddress, ["networkid": network], as: credentials)
        let response = await cloud.send("DescribeAddresses")
        let checked = try BotocoreResponseChecker.check([("DescribeAddresses", response)])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown)")
        let listed = checked.parsed["Addresses"] as? [[String: Any]] ?? []
        #expect(listed.map { $0["PublicIp"] as? String } == [address.ipaddress])
        #expect((listed.first?["AllocationId"] as? String)?.hasPrefix("eipalloc-") == true)
        let filtered = try await cloud.call("DescribeAddresses", [("Filter.1.Name", "public-ip"), ("Filter.1.Value.1", "203.0.113.*")])
        #expect((filtered["Addresses"] as? [[String: Any]] ?? []).isEmpty)
        let missing = await cloud.send("DescribeAddresses", [("PublicIp.1", "198.51.100.7")])
        #expect(String(decoding: missing.body, as: UTF8.self).contains("InvalidAddress.NotFound"))
    }
}
