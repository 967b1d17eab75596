import CloudStack
import CloudStackSimulator
import Foundation
import Testing

@testable import GCE

/// disks.list, disks.aggregatedList and snapshots.list page through CloudStack's own pages (issue 16): each disk and
/// snapshot is named from its own row (decision 0017), so a page costs the CloudStack pages it needs.
@Suite("Disk and snapshot lists cut from CloudStack's pages")
struct DiskPagingTests {
    static let disks = ListWalk(command: "listVolumes", itemsKey: "disks")
    static let snapshots = ListWalk(command: "listSnapshots", itemsKey: "snapshots")

    /// CloudStack's page size here: a zone's 12 disks are 6 CloudStack pages, more than a page of one may read.
    static let pageSize = 2

    /// 23 VMs (so 23 boot disks) over CloudStack pages of `pageSize`, and a snapshot of each of the first `snapshotted` boot
    /// volumes made straight through CloudStack, under CloudStack's default snapshot names.
    static func bridge(snapshotted: Int) async throws -> (TestBridge, String) {
        var configuration = ClientConfiguration()
        configuration.pageSize = Self.pageSize
        let bridge = try TestBridge(seed: SeedData(userAccounts: 1, vmsPerAccount: 23), clientConfiguration: configuration)
        let user = try NetworkWriteTests.credentials(bridge)
        let roots = try await bridge.client.listAll(CommandTable.listVolumes, ["type": "ROOT"], as: user)
        #expect(roots.count == 23)
        for volume in roots.prefix(snapshotted) {
            _ = try await bridge.client.run(CommandTable.createSnapshot, ["volumeid": volume.id ?? ""], as: user)
        }
        return (bridge, try await bridge.token())
    }

    @Test(arguments: [("zones/ZONE/disks", "DiskList"), ("aggregated/disks", "DiskAggregatedList")])
    func diskPagesNeitherRepeatNorLoseADiskWithAFilterCloudStackCannotApply(path: String, schema: String) async throws {
        let (bridge, token) = try await Self.bridge(snapshotted: 0)
        let (basic, _, _) = try await NetworkWriteTests.zones(bridge, token)
        let path = path.replacingOccurrences(of: "ZONE", with: basic)
        let validator = SchemaValidator()
        // The whole list, ordered by name: read whole, not from CloudStack's pages (another code path to agree with).
        let (_, whole) = try await bridge.compute(.get, path + "?orderBy=name", token: token)
        let all = Self.disks.names(whole)
        #expect(all.count == (path.hasPrefix("aggregated") ? 23 : 12), "\(all)")
        let filter = "&filter=" + "name eq '[0-9a-f]{8}-.*'".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let (_, filteredWhole) = try await bridge.compute(.get, path + "?orderBy=name" + filter, token: token)
        let expected = Self.disks.names(filteredWhole)
        #expect(!expected.isEmpty && expected.count < all.count)

        for maxResults in [1, 3, 5, 9] {
            let seen = try await Self.disks.walk(
                bridge, token, path, query: filter, maxResults: maxResults, pageSize: Self.pageSize, schema: schema, validator: validator)
            #expect(seen.count == Set(seen).count, "no disk repeated at \(maxResults)")
            #expect(Set(seen) == Set(expected), "no disk lost at \(maxResults)")
        }
        let unfiltered = try await Self.disks.walk(
            bridge, token, path, query: "", maxResults: 5, pageSize: Self.pageSize, schema: schema, validator: validator)
        #expect(unfiltered.count == all.count && Set(unfiltered) == Set(all))
        // Every boot disk is named after its instance, on a page as in the instance list.
        let (_, instances) = try await bridge.compute(.get, "aggregated/instances", token: token)
        let instanceNames = ListWalk(command: "", itemsKey: "instances").names(instances)
        if path.hasPrefix("aggregated") { #expect(Set(unfiltered) == Set(instanceNames)) }
        #expect(try validator.problems() == [])
    }

    @Test func snapshotPagesNeitherRepeatNorLoseASnapshotAndEachSourceDiskResolves() async throws {
        let (bridge, token) = try await Self.bridge(snapshotted: 11)
        let validator = SchemaValidator()
        let (_, whole) = try await bridge.compute(.get, "global/snapshots?orderBy=name", token: token)
        let all = Self.snapshots.names(whole)
        #expect(all.count == 11 && Set(all).count == 11, "\(all)")
        // CloudStack's default snapshot names (`<vm>_ROOT-<n>_<stamp>`) are no GCE names: slugs with the UUID's suffix.
        #expect(all.allSatisfy { ResourceNames.isValid($0) && !$0.contains("_") }, "\(all)")
        let filter = "&filter=" + "name eq '.*[0-4]'".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let (_, filteredWhole) = try await bridge.compute(.get, "global/snapshots?orderBy=name" + filter, token: token)
        let expected = Self.snapshots.names(filteredWhole)
        #expect(!expected.isEmpty && expected.count < all.count, "\(expected)")
        for maxResults in [1, 3, 5] {
            let seen = try await Self.snapshots.walk(
                bridge, token, "global/snapshots", query: filter, maxResults: maxResults, pageSize: Self.pageSize, schema: "SnapshotList",
                validator: validator)
            #expect(seen.count == Set(seen).count && Set(seen) == Set(expected), "at \(maxResults): \(seen)")
        }

        // A page's boot-disk sources cost one listVolumes `ids=` call, not a read of every zone's volumes.
        bridge.transport.log.reset()
        let (status, page) = try await bridge.compute(.get, "global/snapshots?maxResults=\(Self.pageSize)", token: token)
        #expect(status == 200)
        #expect(bridge.transport.log.commands.filter { $0 == "listVolumes" }.count == 1, "\(bridge.transport.log.commands)")
        for snapshot in page["items"] as? [[String: Any]] ?? [] {
            let source = try #require(snapshot["sourceDisk"] as? String)
            let disk = String(source.dropFirst(source.range(of: "/projects/user1/")?.upperBound.utf16Offset(in: source) ?? 0))
            let (diskStatus, found) = try await bridge.compute(.get, disk, token: token)
            #expect(diskStatus == 200 && found["id"] as? String == snapshot["sourceDiskId"] as? String, "\(disk)")
            // A boot disk is named after its instance, and its user is that instance.
            #expect((found["users"] as? [String])?.first?.hasSuffix("/instances/\(found["name"] as? String ?? "")") == true)
        }
        #expect(try validator.problems() == [])
    }

    /// Names come from each volume and snapshot alone: a CloudStack name GCE cannot hold is slugged with its UUID's
    /// suffix; two volumes CloudStack named alike share the name, a 400 naming their ids, each reached by id; a disk
    /// made from a snapshot links it by the snapshot's own name.
    @Test func disksAndSnapshotsAreNamedFromTheirOwnRow() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (basic, _, _) = try await NetworkWriteTests.zones(bridge, token)
        let user = try NetworkWriteTests.credentials(bridge)
        let zoneID = try #require(
            try await bridge.client.listAll(CommandTable.listZones, Parameters(), as: user).first { $0.networktype == "Basic" }?.id)
        let offering = try #require(
            try await bridge.client.listAll(CommandTable.listDiskOfferings, Parameters(), as: user).first { $0.iscustomized == true }?.id)
        func volume(_ name: String, _ extra: Parameters = Parameters()) async throws -> String {
            var parameters: Parameters = ["zoneid": zoneID, "name": name]
            if extra["snapshotid"] == nil {
                parameters["diskofferingid"] = offering
                parameters["size"] = "1"
            }
            for name in ["snapshotid"] { parameters[name] = extra[name] }
            return try #require(try await bridge.client.run(CommandTable.createVolume, parameters, as: user).id)
        }
        let slugged = try await volume("Data_Disk")
        let twins = [try await volume("twin-disk"), try await volume("twin-disk")]
        let vm = try await InstanceNamesTests.deploy(bridge, "web")
        let root = try #require(try await bridge.client.listAll(CommandTable.listVolumes, ["virtualmachineid": vm], as: user).first?.id)
        let snapshot = try await bridge.client.run(CommandTable.createSnapshot, ["volumeid": root, "name": "Boot Snap"], as: user)
        _ = try await volume("restored", ["snapshotid": snapshot.id ?? ""])

        let validator = SchemaValidator()
        let list = await bridge.send(.get, ListWalk.root + "zones/\(basic)/disks", token: token)
        validator.add("DiskList", list.body, label: "disks.list")
        let items = try NetworkWriteTests.object((list.status, list.body))["items"] as? [[String: Any]] ?? []
        let slug = ResourceNames.ownName("Data_Disk", id: slugged)
        #expect(slug.hasPrefix("data-disk-") && slug != "data-disk")
        #expect(Set(items.compactMap { $0["name"] as? String }) == [slug, "twin-disk", "web", "restored"])
        #expect(items.filter { $0["name"] as? String == "twin-disk" }.count == 2)
        let snapshotName = ResourceNames.ownName("Boot Snap", id: snapshot.id ?? "")
        #expect(snapshotName.hasPrefix("boot-snap-"))
        let restoredDisk = try #require(items.first { $0["name"] as? String == "restored" })
        #expect((restoredDisk["sourceSnapshot"] as? String)?.hasSuffix("/global/snapshots/\(snapshotName)") == true, "\(restoredDisk)")
        #expect(restoredDisk["sourceSnapshotId"] as? String == String(ResourceID.of(snapshot.id ?? "")))

        try await InstanceNamesTests.expectTwins(bridge, token, "zones/\(basic)/disks", name: "twin-disk", uuids: twins)
        let (status, shown) = try await bridge.compute(.get, "global/snapshots/\(snapshotName)", token: token)
        #expect(status == 200 && (shown["sourceDisk"] as? String)?.hasSuffix("/zones/\(basic)/disks/web") == true, "\(shown)")
        #expect(try await bridge.compute(.get, "zones/\(basic)/disks/\(slug)", token: token).0 == 200)
        #expect(try validator.problems() == [])
    }
}
