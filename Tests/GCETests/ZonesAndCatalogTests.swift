import Foundation
import Testing

@testable import GCE

@Suite("Zones, regions, machine types, disk types")
struct ZonesAndCatalogTests {
    @Test func zonesListAndGetUseValidNamesAndFullLinks() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let response = await bridge.send(.get, "/compute/v1/projects/user1/zones", token: token)
        #expect(response.status == 200)
        validator.add("ZoneList", response.body, label: "zones.list")
        let (_, list) = try await bridge.compute(.get, "zones", token: token)
        let items = list["items"] as? [[String: Any]] ?? []
        #expect(items.count == 2)
        for zone in items {
            let name = try #require(zone["name"] as? String)
            #expect(ResourceNames.isValid(name))
            #expect((zone["selfLink"] as? String) == "\(TestBridge.base)/compute/v1/projects/user1/zones/\(name)")
            #expect((zone["region"] as? String)?.hasPrefix("\(TestBridge.base)/compute/v1/projects/user1/regions/") == true)
            let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(name)", token: token)
            #expect(get.status == 200)
            validator.add("Zone", get.body, label: "zones.get")
        }
        let missing = await bridge.send(.get, "/compute/v1/projects/user1/zones/nope", token: token)
        #expect(missing.status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func regionsListTheLocalRegionWithEveryZone() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let response = await bridge.send(.get, "/compute/v1/projects/user1/regions", token: token)
        validator.add("RegionList", response.body, label: "regions.list")
        let (_, list) = try await bridge.compute(.get, "regions", token: token)
        let region = try #require((list["items"] as? [[String: Any]])?.first)
        #expect((region["zones"] as? [String])?.count == 2)
        let name = try #require(region["name"] as? String)
        let get = await bridge.send(.get, "/compute/v1/projects/user1/regions/\(name)", token: token)
        #expect(get.status == 200)
        validator.add("Region", get.body, label: "regions.get")
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/regions/elsewhere", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func machineTypesAreZonalOfferingsWithCpusAndMemory() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let zone = try #require((zones["items"] as? [[String: Any]])?.first?["name"] as? String)
        let response = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/machineTypes", token: token)
        validator.add("MachineTypeList", response.body, label: "machineTypes.list")
        let (_, list) = try await bridge.compute(.get, "zones/\(zone)/machineTypes", token: token)
        let items = list["items"] as? [[String: Any]] ?? []
        #expect(items.count == 3)
        let large = try #require(items.first { ($0["guestCpus"] as? Int) == 2 })
        #expect(large["memoryMb"] as? Int == 4096)
        let name = try #require(large["name"] as? String)
        #expect(name == "large-instance")
        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/machineTypes/\(name)", token: token)
        validator.add("MachineType", get.body, label: "machineTypes.get")
        let custom = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/machineTypes/custom-2-2048", token: token)
        #expect(custom.status == 200)
        validator.add("MachineType", custom.body, label: "machineTypes.get custom")
        let aggregated = await bridge.send(.get, "/compute/v1/projects/user1/aggregated/machineTypes", token: token)
        validator.add("MachineTypeAggregatedList", aggregated.body, label: "machineTypes.aggregatedList")
        let agg = try JSONSerialization.jsonObject(with: Data(aggregated.body)) as? [String: Any]
        #expect((agg?["items"] as? [String: Any])?.keys.sorted().allSatisfy { $0.hasPrefix("zones/") } == true)
        #expect(try validator.problems() == [])
    }

    @Test func diskTypesComeFromDiskOfferings() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let zone = try #require((zones["items"] as? [[String: Any]])?.first?["name"] as? String)
        let response = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/diskTypes", token: token)
        validator.add("DiskTypeList", response.body, label: "diskTypes.list")
        let (_, list) = try await bridge.compute(.get, "zones/\(zone)/diskTypes", token: token)
        let items = list["items"] as? [[String: Any]] ?? []
        #expect(items.map { $0["name"] as? String ?? "" }.sorted() == ["custom", "large", "medium", "pd-standard", "small"])
        #expect(items.first { $0["name"] as? String == "medium" }?["validDiskSize"] as? String == "20GB-20GB")
        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/diskTypes/small", token: token)
        #expect(get.status == 200)
        validator.add("DiskType", get.body, label: "diskTypes.get")
        #expect(try validator.problems() == [])
    }
}
