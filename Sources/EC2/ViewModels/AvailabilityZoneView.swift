import CloudStack

/// botocore shape `AvailabilityZone`, from a CloudStack zone.
struct AvailabilityZoneView: TemplateModel {
    let zoneName: String
    let zoneId: String
    let zoneState: String
    let regionName: String
    let groupName: String
    let zoneType = "availability-zone"
    let optInStatus = "opt-in-not-required"

    init?(zone: Zone, region: String) {
        guard let name = zone.name, let id = zone.id else { return nil }
        zoneName = name
        zoneId = id
        // CloudStack's allocationstate is Enabled or Disabled; EC2 zone states are available/unavailable.
        zoneState = zone.allocationstate == nil || zone.allocationstate == "Enabled" ? "available" : "unavailable"
        regionName = region
        groupName = region
    }

    static let templateFields: TemplateFields<Self> = [
        "zoneName": .string(\.zoneName),
        "zoneId": .string(\.zoneId),
        "zoneState": .string(\.zoneState),
        "regionName": .string(\.regionName),
        "groupName": .string(\.groupName),
        "zoneType": .string(\.zoneType),
        "optInStatus": .string(\.optInStatus),
    ]
}
